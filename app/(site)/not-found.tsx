import { NotFoundMessage } from "@/components/not-found-message";

// notFound() from a reader page renders inside the (site) layout, which already has the header,
// <main> and footer; app/not-found.tsx brings its own for URLs that match no route at all.
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
