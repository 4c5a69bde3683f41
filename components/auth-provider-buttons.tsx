import { signInWithProvider } from "@/lib/accounts/actions/auth";
import type { ProviderSummary } from "@/lib/accounts/auth/auth";
import { SubmitButton } from "./ui/submit-button";
import { PageActionForm } from "./page-action-form";

/** One form per configured OAuth/OIDC provider; each posts to a server action (no JavaScript needed). */
export function AuthProviderButtons({
  providers,
  callbackUrl,
}: {
  providers: ProviderSummary[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <ul className="space-y-2">
      {providers.map((p) => (
        <li key={p.id}>
          <PageActionForm action={signInWithProvider}>
            <input type="hidden" name="provider" value={p.id} />
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <SubmitButton variant="secondary" pendingLabel={`Opening ${p.name}…`} className="w-full">
              Continue with {p.name}
            </SubmitButton>
          </PageActionForm>
        </li>
      ))}
    </ul>
  );
}
