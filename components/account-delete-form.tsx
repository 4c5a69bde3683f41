"use client";
import { usePageActionState } from "./use-page-action-state";
import { deleteAccount } from "@/lib/accounts/actions/account";
import { DELETE_CONFIRMATION } from "@/lib/accounts/schemas/account";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./ui/submit-button";

export function AccountDeleteForm() {
  const [state, formAction] = usePageActionState(deleteAccount, null);
  return (
    <form action={formAction} className="space-y-3">
      <div>
        <label htmlFor="account-delete-confirm" className="block text-sm font-semibold">
          Type “{DELETE_CONFIRMATION}” to confirm
        </label>
        <input
          type="text"
          id="account-delete-confirm"
          name="confirm"
          required
          autoComplete="off"
          aria-invalid={state?.ok === false ? true : undefined}
          aria-describedby="account-delete-status"
          className="mt-1 w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100"
        />
      </div>
      <FormMessage id="account-delete-status" state={state} />
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
