"use client";
import { usePathname } from "next/navigation";
import { useActionState } from "react";

/**
 * useActionState with the page's own path as the form's permalink. Without one, React writes
 * `action=""` into the server's HTML, which is not valid HTML; with it the no-JavaScript form posts to
 * `/the/page#anchor` and the reader lands back on the same page (at the anchor, when given).
 * Forms that share a path and an action also share the state a no-JavaScript post hands back, so
 * give each such form its own anchor.
 */
export function usePageActionState<State, Payload>(
  action: (state: Awaited<State>, payload: Payload) => State | Promise<State>,
  initialState: Awaited<State>,
  anchor?: string,
): [state: Awaited<State>, dispatch: (payload: Payload) => void, isPending: boolean] {
  const pathname = usePathname();
  return useActionState(action, initialState, anchor ? `${pathname}#${anchor}` : pathname);
}
