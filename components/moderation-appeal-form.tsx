"use client";
import { usePageActionState } from "./use-page-action-state";
import { submitAppealAction } from "@/lib/actions/appeals";
import type { AppealOption } from "@/lib/dal/appeals";
import { APPEAL_MAX } from "@/lib/schemas/moderation";
import { FieldError, INPUT, LABEL, ModerationButton } from "./moderation-ui";
import { FormMessage } from "./form-message";

export function AppealForm({ options }: { options: AppealOption[] }) {
  const [state, appeal] = usePageActionState(submitAppealAction, null);
  return (
    <form action={appeal} className="space-y-3">
      <div>
        <label htmlFor="appeal-target" className={LABEL}>
          What do you want us to look at again?
        </label>
        <select id="appeal-target" name="target" className={`${INPUT} w-full`} required>
          {options.map((o) => (
            <option key={o.target} value={o.target}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="appeal-text" className={LABEL}>
          Why should we change the decision?
        </label>
        <textarea
          id="appeal-text"
          name="text"
          required
          minLength={10}
          maxLength={APPEAL_MAX}
          rows={4}
          aria-describedby="appeal-text-hint"
          className={`${INPUT} w-full`}
        />
        <p id="appeal-text-hint" className="text-sm text-neutral-700 dark:text-neutral-300">
          You can appeal each decision once. A moderator who did not make it will read this.
        </p>
        <FieldError id="appeal-text-error" name="text" state={state} />
      </div>
      <ModerationButton variant="primary">Send appeal</ModerationButton>
      <FormMessage state={state} />
    </form>
  );
}
