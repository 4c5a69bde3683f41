"use client";
import { usePageActionState } from "./use-page-action-state";
import { submitAppealAction } from "@/lib/moderation/actions/appeals";
import type { AppealOption } from "@/lib/moderation/dal/appeals";
import { APPEAL_MAX } from "@/lib/moderation/schema";
import { INPUT, LABEL } from "./moderation-styles";
import { Field } from "./ui/field";
import { fieldError } from "@/lib/result";
import { SubmitButton } from "./ui/submit-button";
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
      <Field
        id="appeal-text"
        label="Why should we change the decision?"
        hint="You can appeal each decision once. A moderator who did not make it will read this."
        error={fieldError(state, "text")}
      >
        {(c) => (
          <textarea
            {...c}
            name="text"
            required
            minLength={10}
            maxLength={APPEAL_MAX}
            rows={4}
            className={`${INPUT} w-full`}
          />
        )}
      </Field>
      <SubmitButton size="sm" variant="primary">
        Send appeal
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
