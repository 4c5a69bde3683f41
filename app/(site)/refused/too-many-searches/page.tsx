import type { Metadata } from "next";
import { RefusalMessage } from "@/components/refusal-message";

// Shown with a 429 and Retry-After by proxy.ts (a rewrite) when an address has searched more than
// SEARCH_LIMIT_PER_MINUTE times in a minute. Prerendered: a flood of searches costs no render.
export const metadata: Metadata = { title: "Too many searches", robots: { index: false } };

export default function TooManySearchesPage() {
  return (
    <RefusalMessage title="Too many searches">
      <p>
        We have had more searches from your address in the last minute than we can answer. Please wait a
        minute and search again.
      </p>
      <p>
        <a href="/search" className="font-semibold underline">
          Back to search
        </a>
      </p>
    </RefusalMessage>
  );
}
