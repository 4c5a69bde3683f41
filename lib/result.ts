// The one result shape of every DAL write and server action: expected refusals are values, not throws,
// so an action hands them to its form as they are. Free of server-only imports: forms use the types.
import { z } from "zod";

export type ReasonCode =
  /** No session, or the session's user no longer exists. */
  | "unauthenticated"
  /** Signed in, but not allowed to do this (wrong role, sanctioned staff, own comment…). */
  | "forbidden"
  | "suspended"
  | "banned"
  /** The input failed validation; fieldErrors says where. */
  | "invalid"
  /** Unknown, draft or unpublished story, or an unknown or deleted comment or user. */
  | "not_found"
  /** The target is not in a state this applies to (approving a published comment…). */
  | "conflict"
  | "closed"
  /** The comment answered is on another story or is not visible. */
  | "not_repliable"
  /** Someone else's comment. */
  | "not_owner"
  | "edit_window"
  | "repeated_text"
  | "rate_limited"
  | "own_comment"
  /** A banned word: the comment is stored as REJECTED (so it can be appealed) and not shown. */
  | "rejected";

export type FieldErrors = Partial<Record<string, string[]>>;

export type Refusal = {
  ok: false;
  code: ReasonCode;
  message: string;
  fieldErrors?: FieldErrors;
  /** With rate_limited: when the next attempt will be accepted. */
  retryAfterSeconds?: number;
};

/** What a DAL write answers: `{ ok: true, ...T }` or a Refusal. */
export type Result<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refuse(
  code: ReasonCode,
  message: string,
  extra: Pick<Refusal, "fieldErrors" | "retryAfterSeconds"> = {},
): Refusal {
  return { ok: false, code, message, ...extra };
}

export const isRefusal = (v: unknown): v is Refusal =>
  typeof v === "object" && v !== null && (v as { ok?: unknown }).ok === false;

/** zod's issues as field → messages, for aria-describedby'd error lists. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

export const INVALID_MESSAGE = "Please correct the highlighted fields.";

/** Hostile input through a schema: the parsed value, or an `invalid` refusal naming the fields. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | Refusal {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? parsed.data
    : refuse("invalid", INVALID_MESSAGE, { fieldErrors: fieldErrorsOf(parsed.error) });
}

/** What a form holds between submits (useActionState); `Extra` is what a success carries besides. */
export type FormState<Extra extends object = object> =
  null | ({ ok: true; message: string } & Extra) | { ok: false; message: string; fieldErrors?: FieldErrors };

/** The first error of one field in a form's state, if any (components/ui/field.tsx shows it). */
export function fieldError(state: FormState | null | undefined, name: string): string | undefined {
  return state?.ok === false ? state.fieldErrors?.[name]?.[0] : undefined;
}

/** A refusal as its form shows it. */
export function refusalState(r: Pick<Refusal, "message" | "fieldErrors">): Extract<FormState, { ok: false }> {
  return r.fieldErrors
    ? { ok: false, message: r.message, fieldErrors: r.fieldErrors }
    : { ok: false, message: r.message };
}

/**
 * A submitted form as plain values: each field's first value (a file in place of text becomes null, so
 * the schema refuses it instead of coercing it), and every value of the fields named in `many`.
 */
export function formFields(formData: FormData, many: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(formData.keys())) {
    if (many.includes(name)) out[name] = formData.getAll(name).filter((v) => typeof v === "string");
    else {
      const value = formData.get(name);
      out[name] = typeof value === "string" ? value : null;
    }
  }
  return out;
}
