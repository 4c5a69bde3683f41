import { NotFoundMessage } from "@/components/not-found-message";
import { SiteFrame } from "@/components/site-chrome";

// Only URLs that match no route land here (reader pages use app/(site)/not-found.tsx inside their
// own layout), so this page brings its own database-free header and footer.
export default function NotFound() {
  return (
    <SiteFrame>
      <NotFoundMessage />
    </SiteFrame>
  );
}
