// The one result shape of every moderation DAL call and action: expected refusals are values, not throws.

export type ModerationCode =
  /** No session, or the session's user no longer exists. */
  | "unauthenticated"
  /** Signed in, but not allowed to do this (wrong role, suspended or banned staff, own comment…). */
  | "forbidden"
  | "not_found"
  | "invalid"
  /** The target is not in a state this action applies to (approving a published comment…). */
  | "conflict";

export type ModerationRefusal = {
  ok: false;
  code: ModerationCode;
  message: string;
  fieldErrors?: Partial<Record<string, string[]>>;
};

export type ModerationResult<T extends object = object> = ({ ok: true } & T) | ModerationRefusal;

export function refuse(
  code: ModerationCode,
  message: string,
  fieldErrors?: ModerationRefusal["fieldErrors"],
): ModerationRefusal {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

export const isRefusal = (v: unknown): v is ModerationRefusal =>
  typeof v === "object" && v !== null && (v as { ok?: unknown }).ok === false;

/** What a moderation form holds between submits (useActionState). */
export type ModerationFormState =
  | null
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };

export function toFormState(result: ModerationResult, success: string): ModerationFormState {
  return result.ok
    ? { ok: true, message: success }
    : {
        ok: false,
        message: result.message,
        ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
      };
}
