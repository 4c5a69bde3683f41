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
} from "@/lib/moderation/actions/admin";
import type { ArticleControlsView, SiteSettingsView } from "@/lib/moderation/dal/settings";
import { INPUT, LABEL } from "./moderation-styles";
import { Field } from "./ui/field";
import { fieldError } from "@/lib/result";
import { SubmitButton } from "./ui/submit-button";
import { FormMessage } from "./form-message";

export function SiteSettingsForm({ settings, canEdit }: { settings: SiteSettingsView; canEdit: boolean }) {
  const [state, save] = usePageActionState(saveSiteSettings, null);
  return (
    <form action={save} className="space-y-4">
      <fieldset disabled={!canEdit} className="space-y-4">
        <Field id="premoderation" label="Pre-moderation" error={fieldError(state, "premoderation")}>
          {(c) => (
            <select name="premoderation" defaultValue={settings.premoderation} {...c} className={INPUT}>
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
          <Field key={name} id={name} label={label} hint={hint} error={fieldError(state, name)}>
            {(c) => <input name={name} type="number" min={0} defaultValue={value} {...c} className={INPUT} />}
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
            id={name}
            label={label}
            hint="One word or phrase a line; whole words, any case or accent. Lines starting with # are notes."
            error={fieldError(state, name)}
          >
            {(c) => (
              <textarea name={name} rows={5} defaultValue={value} {...c} className={`${INPUT} w-full`} />
            )}
          </Field>
        ))}
        {canEdit && (
          <SubmitButton size="sm" variant="primary">
            Save settings
          </SubmitButton>
        )}
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
        id="autoCloseDays"
        label="Close comments after (days)"
        hint="Empty follows the site setting; 0 never closes."
        error={fieldError(state, "autoCloseDays")}
      >
        {(c) => (
          <input
            name="autoCloseDays"
            type="number"
            min={0}
            defaultValue={article.autoCloseDays ?? ""}
            {...c}
            className={INPUT}
          />
        )}
      </Field>
      <Field
        id="slowModeSeconds"
        label="Slow mode (seconds between a reader's comments)"
        hint="Empty or 0 is off."
        error={fieldError(state, "slowModeSeconds")}
      >
        {(c) => (
          <input
            name="slowModeSeconds"
            type="number"
            min={0}
            defaultValue={article.slowModeSeconds ?? ""}
            {...c}
            className={INPUT}
          />
        )}
      </Field>
      <Field
        id="premoderation"
        label="Pre-moderation on this story"
        error={fieldError(state, "premoderation")}
      >
        {(c) => (
          <select
            name="premoderation"
            defaultValue={article.premoderation ?? "SITE"}
            {...c}
            className={INPUT}
          >
            <option value="SITE">Follow the site setting</option>
            <option value="OFF">Off</option>
            <option value="NEW_USERS">New readers</option>
            <option value="ALL">Every comment</option>
          </select>
        )}
      </Field>
      <SubmitButton size="sm" variant="primary">
        Save story settings
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function SanctionForm({ userId }: { userId: string }) {
  const [state, act] = usePageActionState(sanctionUser, null);
  return (
    <form action={act} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <Field id="sanction" label="Sanction" error={fieldError(state, "sanction")}>
        {(c) => (
          <select name="sanction" {...c} className={INPUT} defaultValue="suspend">
            <option value="suspend">Suspend</option>
            <option value="ban">Ban</option>
            <option value="premoderate">Always pre-moderate</option>
            <option value="shadowban">Shadow-ban (their comments visible only to them)</option>
          </select>
        )}
      </Field>
      <Field id="hours" label="For how long (suspensions)" error={fieldError(state, "hours")}>
        {(c) => (
          <select name="hours" {...c} className={INPUT} defaultValue="24">
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
      <Field id="reason" label="Reason (the user sees it)" error={fieldError(state, "reason")}>
        {(c) => (
          <input
            type="text"
            name="reason"
            required
            minLength={3}
            maxLength={500}
            {...c}
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
      <SubmitButton size="sm" variant="danger">
        Apply sanction
      </SubmitButton>
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
      <SubmitButton size="sm" variant="secondary">
        {label}
      </SubmitButton>
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
      <SubmitButton size="sm" variant="primary">
        Change role
      </SubmitButton>
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
        type="text"
        id={`appeal-note-${appealId}`}
        name="note"
        placeholder="Note to the user (optional)"
        maxLength={500}
        className={INPUT}
      />
      <SubmitButton size="sm" name="uphold" value="uphold" variant="primary">
        Uphold
      </SubmitButton>
      <SubmitButton size="sm" variant="secondary" name="uphold" value="deny">
        Deny
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
