// An author's older stories: those published before the story the cursor names.
import { listingRoute } from "../../../../_lib/listing-route";

const route = listingRoute("author", true);
export const instant = false; // blocks on its first visit, then cached whole (see listing-route.tsx)
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
