import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/not-found-message";

// proxy.ts rewrites unknown reader URLs here with status 404; a static page renders in full.
export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function PageNotFound() {
  return <NotFoundMessage />;
}
