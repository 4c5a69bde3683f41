// The one shape of a server action (house style): read the form → parse it with its zod schema → load
// the actor → call the DAL (which authorizes) → invalidate → answer the shared FormState, with the
// no-JavaScript redirect done here, last and outside any try/catch. Every action is a public POST
// endpoint: whatever arrives in place of a form is refused as a value, never a 500.
import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getSessionUserId } from "@/lib/accounts/dal/users";
import {
  fieldErrorsOf,
  formFields,
  INVALID_MESSAGE,
  refusalState,
  type FormState,
  type Refusal,
} from "@/lib/result";

export const UNREADABLE_FORM = "The form could not be read. Please reload the page and try again.";

type Ok<R> = Extract<R, { ok: true }>;

type Answer = { ok: true } | Refusal;

export type ActionSpec<S extends z.ZodType, R extends Answer, Extra extends object> = {
  /** Fields sent several times (checkbox lists); every other field keeps its first value. */
  many?: readonly string[];
  /** The form's own message when parsing fails (else "Please correct the highlighted fields."). */
  invalidMessage?: (fieldErrors: Partial<Record<string, string[]>>) => string;
  /** The DAL call: it authorizes `actorId` (null when signed out) itself. */
  run: (input: z.output<S>, actorId: string | null) => Promise<R>;
  /** Expire what the change shows in (tags, the per-request page). */
  invalidate?: (result: Ok<R>, input: z.output<S>) => void;
  /** What the form shows on success. */
  done: string | ((result: Ok<R>, input: z.output<S>) => NonNullable<FormState<Extra>>);
  /** Where a submit without JavaScript lands on success; undefined answers with the state instead. */
  redirectTo?: (result: Ok<R>, input: z.output<S>) => string | undefined;
};

/** A server action for `useActionState`: `(previousState, formData) => FormState`. */
export function action<S extends z.ZodType, R extends Answer, Extra extends object = object>(
  schema: S,
  spec: ActionSpec<S, R, Extra>,
): (prev: FormState<Extra>, formData: FormData) => Promise<FormState<Extra>> {
  return async (_prev, formData) => {
    if (!(formData instanceof FormData)) return { ok: false, message: UNREADABLE_FORM };
    const parsed = schema.safeParse(formFields(formData, spec.many));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, message: spec.invalidMessage?.(fieldErrors) ?? INVALID_MESSAGE, fieldErrors };
    }
    const input = parsed.data;
    const result = await spec.run(input, await getSessionUserId());
    if (result.ok === false) return refusalState(result);
    const ok = result as Ok<R>;
    spec.invalidate?.(ok, input);
    const state: FormState<Extra> =
      typeof spec.done === "string"
        ? ({ ok: true, message: spec.done } as FormState<Extra>)
        : spec.done(ok, input);
    const target = spec.redirectTo?.(ok, input);
    if (target) redirect(target);
    return state;
  };
}

/**
 * A plain form action (no state): only the shape check; what it does with the fields is its own.
 * Called as `<form action>` calls it (the form data first) or as useActionState does (a state, then
 * the form data), so components/page-action-form.tsx can give it a permalink.
 */
export function formAction(
  run: (fields: Record<string, unknown>) => Promise<void>,
): (first: unknown, formData?: unknown) => Promise<void> {
  return async (first, second) => {
    const formData = [first, second].find((arg) => arg instanceof FormData);
    await run(formData instanceof FormData ? formFields(formData) : {});
  };
}
