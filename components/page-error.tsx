"use client";
// What a reader sees when a page fails in the browser, and the one failure we mend by ourselves: Next
// 16.4 can answer a client-side navigation into a page whose cache just expired with a cut-off payload
// (React error #412, "Connection closed"; vercel/next.js#97337, #98555). The same address loads fine as
// a document, so the reader is sent there once instead of seeing an error.
import { useEffect, useState } from "react";

const CUT_OFF = /Connection closed|error #412\b/;
const GUARD = "page-error-reloaded";

function isCutOffPayload(error: unknown): boolean {
  return error instanceof Error && CUT_OFF.test(error.message);
}

/** Whether this address was not already reloaded in the last 10 s (so never a loop). */
function mayReload(): boolean {
  try {
    const last = JSON.parse(sessionStorage.getItem(GUARD) ?? "null") as { href: string; at: number } | null;
    return !(last && last.href === location.href && Date.now() - last.at < 10_000);
  } catch {
    return true; // No storage (privacy mode): the document load does not take this path again.
  }
}

function reload() {
  try {
    sessionStorage.setItem(GUARD, JSON.stringify({ href: location.href, at: Date.now() }));
  } catch {
    // See mayReload.
  }
  location.reload();
}

export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  // Error boundaries render only in the browser, so storage can be read while rendering.
  const [reloading] = useState(() => isCutOffPayload(error) && mayReload());
  useEffect(() => {
    if (reloading) reload();
    else console.error(error);
  }, [error, reloading]);
  if (reloading) return <p className="mx-auto max-w-6xl px-4 py-8">Loading the page…</p>;
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8 focus:outline-none">
      <h1 className="font-serif text-3xl font-bold">This page could not be shown</h1>
      <p className="mt-4">Something went wrong while loading it. Your comments and settings are safe.</p>
      <div className="mt-6 flex flex-wrap gap-4">
        <button type="button" onClick={() => retry()} className="font-semibold underline">
          Try again
        </button>
        {/* A document load on purpose: the client router is what failed. */}
        <a href="/" className="font-semibold underline">
          Go to the front page
        </a>
      </div>
    </main>
  );
}
