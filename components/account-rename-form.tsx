"use client";
import { usePageActionState } from "./use-page-action-state";
import { useEffect } from "react";
import { renameAccount } from "@/lib/actions/account";
import { DISPLAY_NAME_MAX } from "@/lib/schemas/account";
import { FormMessage } from "./form-message";
import { AuthSubmitButton } from "./auth-submit-button";
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
      <div>
        <label htmlFor="account-name" className="block text-sm font-semibold">
          Display name
        </label>
        <input
          id="account-name"
          name="name"
          defaultValue={name}
          required
          minLength={2}
          maxLength={DISPLAY_NAME_MAX}
          autoComplete="nickname"
          aria-invalid={invalid ? true : undefined}
          aria-describedby="account-name-hint account-name-status"
          className="mt-1 w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100"
        />
        <p id="account-name-hint" className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">
          Shown next to your comments. 2 to {DISPLAY_NAME_MAX} characters.
        </p>
      </div>
      <FormMessage id="account-name-status" state={state} />
      <AuthSubmitButton pendingLabel="Saving…">Save name</AuthSubmitButton>
    </form>
  );
}
