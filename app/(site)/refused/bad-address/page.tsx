import type { Metadata } from "next";
import { RefusalMessage } from "@/components/refusal-message";

// Shown with a 400 by proxy.ts (a rewrite) when a reader URL's query has a malformed %-escape. A
// prerendered page with no status of its own, so the rewrite's status is the one sent; asked for
// directly, proxy.ts answers 404.
export const metadata: Metadata = { title: "Address not understood", robots: { index: false } };

export default function BadAddressPage() {
  return (
    <RefusalMessage title="Address not understood">
      <p>
        This web address is damaged: part of it is not valid text. If you followed a link, it may have been
        cut or changed on the way; try the link again, or search for the story.
      </p>
    </RefusalMessage>
  );
}
