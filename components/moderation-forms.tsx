"use client";
// The staff forms other than the queue: site settings, a story's controls, sanctions, roles, appeal
// decisions. Each is one useActionState form that works without JavaScript.
import { usePageActionState } from "./use-page-action-state";
import {
  changeUserRole,
  decideAppealAction,
  liftUserSanction,
  saveArticleControls,
  saveSiteSettings,
  sanctionUser,
} from "@/lib/actions/moderation-admin";
import type { ArticleControlsView, SiteSettingsView } from "@/lib/dal/moderation-settings";
import { FieldError, INPUT, LABEL, ModerationButton } from "./moderation-ui";
import { FormMessage } from "./form-message";

function Field({
  name,
  label,
  hint,
  state,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  state: Parameters<typeof FieldError>[0]["state"];
  children: (describedBy: string | undefined) => React.ReactNode;
}) {
  const hasError = state?.ok === false && !!state.fieldErrors?.[name]?.length;
  const describedBy =
    [hint && `${name}-hint`, hasError && `${name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className={LABEL}>
        {label}
      </label>
      {children(describedBy)}
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-neutral-700 dark:text-neutral-300">
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} name={name} state={state} />
    </div>
  );
}

export function SiteSettingsForm({ settings, canEdit }: { settings: SiteSettingsView; canEdit: boolean }) {
  const [state, save] = usePageActionState(saveSiteSettings, null);
  return (
    <form action={save} className="space-y-4">
      <fieldset disabled={!canEdit} className="space-y-4">
        <Field name="premoderation" label="Pre-moderation" state={state}>
          {(d) => (
            <select
              id="premoderation"
              name="premoderation"
              defaultValue={settings.premoderation}
              aria-describedby={d}
              className={INPUT}
            >
              <option value="OFF">Off: comments publish at once</option>
              <option value="NEW_USERS">New readers: their first comments wait</option>
              <option value="ALL">Every comment waits</option>
            </select>
          )}
        </Field>
        {(
          [
            [
              "premoderateFirstN",
              "New readers' first comments held",
              settings.premoderateFirstN,
              "With “New readers”: how many published comments a reader needs before theirs publish at once.",
            ],
            [
              "maxLinks",
              "Most links allowed",
              settings.maxLinks,
              "A comment with more links waits for a moderator.",
            ],
            [
              "reportThreshold",
              "Reports that hide a comment",
              settings.reportThreshold,
              "At this many reader reports a published comment is hidden and goes to Reported.",
            ],
            [
              "autoCloseDays",
              "Close comments after (days)",
              settings.autoCloseDays ?? "",
              "Empty: never. A story can override it.",
            ],
          ] as const
        ).map(([name, label, value, hint]) => (
          <Field key={name} name={name} label={label} hint={hint} state={state}>
            {(d) => (
              <input
                id={name}
                name={name}
                type="number"
                min={0}
                defaultValue={value}
                aria-describedby={d}
                className={INPUT}
              />
            )}
          </Field>
        ))}
        {(
          [
            ["suspectWords", "Suspect words (held)", settings.suspectWords],
            ["bannedWords", "Banned words (rejected)", settings.bannedWords],
          ] as const
        ).map(([name, label, value]) => (
          <Field
            key={name}
            name={name}
            label={label}
            hint="One word or phrase a line; whole words, any case or accent. Lines starting with # are notes."
            state={state}
          >
            {(d) => (
              <textarea
                id={name}
                name={name}
                rows={5}
                defaultValue={value}
                aria-describedby={d}
                className={`${INPUT} w-full`}
              />
            )}
          </Field>
        ))}
        {canEdit && <ModerationButton variant="primary">Save settings</ModerationButton>}
      </fieldset>
      <FormMessage state={state} />
    </form>
  );
}

export function ArticleControlsForm({ article }: { article: ArticleControlsView }) {
  const [state, save] = usePageActionState(saveArticleControls, null);
  return (
    <form action={save} className="space-y-4">
      <input type="hidden" name="articleId" value={article.id} />
      <div className="flex items-center gap-2">
        <input
          id="commentsClosed"
          name="commentsClosed"
          type="checkbox"
          defaultChecked={article.commentsClosed}
        />
        <label htmlFor="commentsClosed" className="font-semibold">
          Comments closed
        </label>
      </div>
      <Field
        name="autoCloseDays"
        label="Close comments after (days)"
        hint="Empty follows the site setting; 0 never closes."
        state={state}
      >
        {(d) => (
          <input
            id="autoCloseDays"
            name="autoCloseDays"
            type="number"
            min={0}
            defaultValue={article.autoCloseDays ?? ""}
            aria-describedby={d}
            className={INPUT}
          />
        )}
      </Field>
      <Field
        name="slowModeSeconds"
        label="Slow mode (seconds between a reader's comments)"
        hint="Empty or 0 is off."
        state={state}
      >
        {(d) => (
          <input
            id="slowModeSeconds"
            name="slowModeSeconds"
            type="number"
            min={0}
            defaultValue={article.slowModeSeconds ?? ""}
            aria-describedby={d}
            className={INPUT}
          />
        )}
      </Field>
      <Field name="premoderation" label="Pre-moderation on this story" state={state}>
        {(d) => (
          <select
            id="premoderation"
            name="premoderation"
            defaultValue={article.premoderation ?? "SITE"}
            aria-describedby={d}
            className={INPUT}
          >
            <option value="SITE">Follow the site setting</option>
            <option value="OFF">Off</option>
            <option value="NEW_USERS">New readers</option>
            <option value="ALL">Every comment</option>
          </select>
        )}
      </Field>
      <ModerationButton variant="primary">Save story settings</ModerationButton>
      <FormMessage state={state} />
    </form>
  );
}

export function SanctionForm({ userId }: { userId: string }) {
  const [state, act] = usePageActionState(sanctionUser, null);
  return (
    <form action={act} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <Field name="sanction" label="Sanction" state={state}>
        {(d) => (
          <select id="sanction" name="sanction" aria-describedby={d} className={INPUT} defaultValue="suspend">
            <option value="suspend">Suspend</option>
            <option value="ban">Ban</option>
            <option value="premoderate">Always pre-moderate</option>
            <option value="shadowban">Shadow-ban (their comments visible only to them)</option>
          </select>
        )}
      </Field>
      <Field name="hours" label="For how long (suspensions)" state={state}>
        {(d) => (
          <select id="hours" name="hours" aria-describedby={d} className={INPUT} defaultValue="24">
            {[
              ["1", "1 hour"],
              ["24", "1 day"],
              ["72", "3 days"],
              ["168", "1 week"],
              ["720", "30 days"],
            ].map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="reason" label="Reason (the user sees it)" state={state}>
        {(d) => (
          <input
            id="reason"
            name="reason"
            required
            minLength={3}
            maxLength={500}
            aria-describedby={d}
            className={`${INPUT} w-full`}
          />
        )}
      </Field>
      <div className="flex items-center gap-2">
        <input id="rejectComments" name="rejectComments" type="checkbox" />
        <label htmlFor="rejectComments">
          With a ban: also reject all their published and pending comments
        </label>
      </div>
      <ModerationButton variant="danger">Apply sanction</ModerationButton>
      <FormMessage state={state} />
    </form>
  );
}

export function LiftSanctionButton({
  userId,
  sanction,
  label,
}: {
  userId: string;
  sanction: string;
  label: string;
}) {
  const [state, act] = usePageActionState(liftUserSanction, null);
  return (
    <form action={act} className="inline-flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="sanction" value={sanction} />
      <ModerationButton>{label}</ModerationButton>
      <FormMessage state={state} />
    </form>
  );
}

export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const [state, act] = usePageActionState(changeUserRole, null);
  return (
    <form action={act} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor="role" className={LABEL}>
        Role
      </label>
      <select id="role" name="role" defaultValue={role} className={INPUT}>
        <option value="READER">Reader</option>
        <option value="MODERATOR">Moderator</option>
        <option value="ADMIN">Admin</option>
      </select>
      <ModerationButton variant="primary">Change role</ModerationButton>
      <FormMessage state={state} />
    </form>
  );
}

export function AppealDecisionForm({ appealId }: { appealId: string }) {
  const [state, act] = usePageActionState(decideAppealAction, null);
  return (
    <form action={act} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="appealId" value={appealId} />
      <label htmlFor={`appeal-note-${appealId}`} className="sr-only">
        Note to the user
      </label>
      <input
        id={`appeal-note-${appealId}`}
        name="note"
        placeholder="Note to the user (optional)"
        maxLength={500}
        className={INPUT}
      />
      <ModerationButton name="uphold" value="uphold" variant="primary">
        Uphold
      </ModerationButton>
      <ModerationButton name="uphold" value="deny">
        Deny
      </ModerationButton>
      <FormMessage state={state} />
    </form>
  );
}
