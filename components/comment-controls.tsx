"use client";
// The controls under a comment. Reply and Edit are links to small pages with the form (no JavaScript)
// that open the same form in place once React runs; Delete and the votes are one-button forms.
import { usePageActionState } from "./use-page-action-state";
import { useEffect, useId, useRef, useState } from "react";
import { deleteComment, voteComment } from "@/lib/comments/actions";
import { CommentForm } from "./comment-form";
import { CommentFormHiddenFields, SubmitButton } from "./comment-form-parts";
import { buttonClass } from "./ui/button";
import { refreshViewer } from "./viewer-store";

type Inline =
  | { kind: "reply"; articleId: string; parentId: string; parentAuthor: string }
  | { kind: "edit"; commentId: string; body: string };

export function CommentInlineForm({
  form,
  href,
  label,
  srLabel,
  returnTo,
}: {
  form: Inline;
  href: string;
  label: string;
  srLabel: string;
  returnTo: string;
}) {
  const [open, setOpen] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => link.current?.focus());
  };
  return (
    <>
      <a
        ref={link}
        href={href}
        aria-expanded={open}
        onClick={(e) => {
          e.preventDefault();
          setOpen((o) => !o);
        }}
        className={buttonClass("quiet")}
      >
        {label}
        <span className="sr-only"> {srLabel}</span>
      </a>
      {open ? (
        <div className="basis-full">
          <CommentForm
            mode={form}
            returnTo={returnTo}
            autoFocus
            onCancel={close}
            onDone={() => setOpen(false)}
          />
        </div>
      ) : null}
    </>
  );
}

const BUTTON_ACTIONS = { delete: deleteComment, vote: voteComment };

/** Delete, or one of the vote buttons (value up, down or clear). */
export function CommentButtonForm({
  action,
  commentId,
  value,
  label,
  srLabel,
  pendingLabel,
  returnTo,
  confirm,
}: {
  action: keyof typeof BUTTON_ACTIONS;
  commentId: string;
  value?: "up" | "down" | "clear";
  label: string;
  srLabel: string;
  pendingLabel: string;
  returnTo: string;
  /** Asked before the form posts (with JavaScript). */
  confirm?: string;
}) {
  const id = useId();
  const [state, formAction] = usePageActionState(BUTTON_ACTIONS[action], null, `comment-${commentId}`);
  // Which vote button shows comes from the reader's state (/api/viewer).
  useEffect(() => {
    if (state?.ok) refreshViewer();
  }, [state]);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="inline"
    >
      <CommentFormHiddenFields returnTo={returnTo} fields={{ commentId, value }} />
      <SubmitButton pendingLabel={pendingLabel} variant="quiet">
        {label}
        <span className="sr-only"> {srLabel}</span>
      </SubmitButton>
      <span
        id={`${id}-status`}
        role="status"
        aria-live="polite"
        className={state?.ok ? "sr-only" : "text-sm text-red-800 dark:text-red-300"}
      >
        {state?.message ?? ""}
      </span>
    </form>
  );
}
