"use client";
// "Report this comment": a reason and an optional note. Place it inside a comment's controls, e.g. in a
// <details> so it stays out of the way; it works before JavaScript loads.
import { usePageActionState } from "./use-page-action-state";
import { reportCommentAction } from "@/lib/moderation/actions/reports";
import { NOTE_MAX, REPORT_REASONS } from "@/lib/moderation/schema";
import { INPUT } from "./moderation-styles";
import { fieldError } from "@/lib/result";
import { SubmitButton } from "./ui/submit-button";
import { FormMessage } from "./form-message";

export function ReportCommentForm({ commentId }: { commentId: string }) {
  const [state, report] = usePageActionState(reportCommentAction, null);
  const id = `report-${commentId}`;
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={report} className="space-y-2">
      <input type="hidden" name="commentId" value={commentId} />
      <fieldset aria-describedby={`${id}-reason-error`}>
        <legend className="text-sm font-semibold">Why report this comment?</legend>
        {Object.entries(REPORT_REASONS).map(([value, label]) => (
          <div key={value} className="flex items-center gap-2">
            <input type="radio" id={`${id}-${value}`} name="reason" value={value} required />
            <label htmlFor={`${id}-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      {fieldError(state, "reason") ? (
        <p id={`${id}-reason-error`} className="text-sm font-semibold text-red-800 dark:text-red-300">
          {fieldError(state, "reason")}
        </p>
      ) : null}
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm font-semibold">
          Anything moderators should know? (optional)
        </label>
        <textarea id={`${id}-note`} name="note" rows={2} maxLength={NOTE_MAX} className={`${INPUT} w-full`} />
      </div>
      <SubmitButton size="sm" variant="secondary">
        Send report
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
