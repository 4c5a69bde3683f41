"use client";
import { usePageActionState } from "./use-page-action-state";
import { useEffect } from "react";
import { renameAccount } from "@/lib/accounts/actions/account";
import { DISPLAY_NAME_MAX } from "@/lib/accounts/schemas/account";
import { FormMessage } from "./form-message";
import { Field } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";
import { refreshViewer } from "./viewer-store";

export function AccountRenameForm({ name }: { name: string }) {
  const [state, formAction] = usePageActionState(renameAccount, null);
  const invalid = state?.ok === false;
  // The header's name comes from /api/viewer.
  useEffect(() => {
    if (state?.ok) refreshViewer();
  }, [state]);
  return (
    <form action={formAction} className="space-y-3">
      <Field
        id="account-name"
        label="Display name"
        hint={`Shown next to your comments. 2 to ${DISPLAY_NAME_MAX} characters.`}
      >
        {(c) => (
          <input
            type="text"
            {...c}
            name="name"
            defaultValue={name}
            required
            minLength={2}
            maxLength={DISPLAY_NAME_MAX}
            autoComplete="nickname"
            // The refusal is announced in the form's status line, below.
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${c["aria-describedby"]} account-name-status`}
            className="mt-1 w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100"
          />
        )}
      </Field>
      <FormMessage id="account-name-status" state={state} />
      <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
    </form>
  );
}
