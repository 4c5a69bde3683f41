"use client";
import { usePageActionState } from "./use-page-action-state";
import { signInWithEmail } from "@/lib/accounts/actions/auth";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./ui/submit-button";

/** The magic-link form. A plain POST before JavaScript loads; errors come back as rendered state. */
export function AuthEmailForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = usePageActionState(signInWithEmail, null);
  const error = state?.ok === false ? (state.fieldErrors?.email?.[0] ?? state.message) : undefined;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="signin-email" className="block text-sm font-semibold">
          E-mail address
        </label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          aria-invalid={error ? true : undefined}
          aria-describedby="signin-email-hint signin-email-status"
          className="mt-1 w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100"
        />
        <p id="signin-email-hint" className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">
          We send you a link that signs you in. No password needed.
        </p>
      </div>
      <FormMessage id="signin-email-status" state={error ? { ok: false, message: error } : state} />
      <SubmitButton pendingLabel="Sending…">E-mail me a sign-in link</SubmitButton>
    </form>
  );
}
