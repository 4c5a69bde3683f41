// For /account: the reader's appeals with their decisions, and a form to appeal a rejected comment or
// a sanction in force. Pass the signed-in user's id (from getSessionUserId on the account page).
import { listAppealOptions, listMyAppeals } from "@/lib/moderation/dal/appeals";
import { SITE_TIMEZONE } from "@/lib/format/date";
import { AppealForm } from "./moderation-appeal-form";
import { Time } from "./ui/time";

const STATUS = {
  OPEN: "Waiting for a moderator",
  UPHELD: "Upheld — the decision was reversed",
  DENIED: "Not upheld",
};

export async function ModerationAppeals({ userId }: { userId: string }) {
  const [appeals, options] = await Promise.all([listMyAppeals(userId), listAppealOptions(userId)]);
  return <AppealsView appeals={appeals} options={options} />;
}

export function AppealsView({
  appeals,
  options,
}: {
  appeals: Awaited<ReturnType<typeof listMyAppeals>>;
  options: Awaited<ReturnType<typeof listAppealOptions>>;
}) {
  return (
    <section aria-labelledby="appeals-heading">
      <h2 id="appeals-heading" className="mb-3 text-xl font-semibold">
        Moderation decisions and appeals
      </h2>
      {appeals.length > 0 && (
        <ul className="mb-4 space-y-3">
          {appeals.map((a) => (
            <li key={a.id}>
              <p className="font-semibold">{a.about}</p>
              <p className="text-sm">
                Appealed <Time date={a.createdAt} timeZone={SITE_TIMEZONE} format="date" />:{" "}
                {STATUS[a.status]}
                {a.decidedAt ? (
                  <>
                    {" ("}
                    <Time date={a.decidedAt} timeZone={SITE_TIMEZONE} format="date" />)
                  </>
                ) : null}
              </p>
              {a.outcome && <p className="text-sm">{a.outcome}</p>}
              {a.decisionNote && <p className="text-sm">Moderator’s note: {a.decisionNote}</p>}
            </li>
          ))}
        </ul>
      )}
      {options.length > 0 ? (
        <AppealForm options={options} />
      ) : (
        appeals.length === 0 && <p>Nothing to appeal.</p>
      )}
    </section>
  );
}
