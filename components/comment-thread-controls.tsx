"use client";
// The reader's controls in the story page's shared thread. The cached HTML holds an empty slot under
// each comment (CONTROLS_SLOT, with the comment's id, author and name); this one component, mounted
// once by the comment island, draws each slot's controls into it with a portal from the reader's
// /api/viewer answer. One hydration root for the whole thread, not one per comment, and no form in
// the HTML of readers who cannot use it.
import { useEffect, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import { CONTROLS_SLOT, controlsFor, type ReaderControlState } from "@/lib/comments/controls";
import { CommentControlSetView } from "./comment-control-set";

type Slot = { element: HTMLElement; commentId: string; authorId: string | null; name: string };

const SELECTOR = `[${CONTROLS_SLOT}]`;

function findSlots(root: ParentNode): Slot[] {
  return Array.from(root.querySelectorAll<HTMLElement>(SELECTOR), (element) => ({
    element,
    commentId: element.getAttribute(CONTROLS_SLOT) ?? "",
    authorId: element.dataset.author || null,
    name: element.dataset.name ?? "",
  })).filter((s) => s.commentId !== "");
}

const sameSlots = (a: Slot[], b: Slot[]) =>
  a.length === b.length && a.every((slot, i) => slot.element === b[i].element);

/**
 * The slots in the comments section (id "comments", comments-section.tsx), found again whenever its
 * DOM changes: a write's answer re-renders the thread, and a deleted comment loses its slot.
 */
function useSlots(): Slot[] {
  const [slots, setSlots] = useState<Slot[]>([]);
  useEffect(() => {
    const root = document.getElementById("comments");
    if (!root) return;
    const scan = () => {
      const next = findSlots(root);
      setSlots((prev) => (sameSlots(prev, next) ? prev : next));
    };
    scan();
    const observer = new MutationObserver(scan);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return slots;
}

export function CommentThreadControls({
  state,
  articleId,
  slug,
  returnTo,
}: {
  state: ReaderControlState;
  articleId: string;
  slug: string;
  returnTo: string;
}) {
  const slots = useSlots();
  const lookup = useMemo(() => controlsFor(state), [state]);
  return slots.map((slot) =>
    createPortal(
      <CommentControlSetView
        target={{ commentId: slot.commentId, name: slot.name, articleId, slug, returnTo }}
        allowed={lookup({ id: slot.commentId, authorId: slot.authorId })}
      />,
      slot.element,
      slot.commentId,
    ),
  );
}
