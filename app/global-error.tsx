"use client";
// Replaces the root layout when it fails, so it brings its own document and styles.
import { PageError } from "@/components/page-error";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <PageError error={error} retry={retry} />
      </body>
    </html>
  );
}
