// An author's portrait, bio and newest stories; the newest stories' authors are built ahead.
import { listingRoute } from "../../_lib/listing-route";

const route = listingRoute("author", false);
export const instant = false; // blocks on its first visit, then cached whole (see listing-route.tsx)
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
