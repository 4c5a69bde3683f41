"use server";
import { refresh } from "next/cache";
import { submitAppeal } from "@/lib/moderation/dal/appeals";
import { appealSchema } from "@/lib/moderation/schema";
import { action } from "../../action";

export const submitAppealAction = action(appealSchema, {
  run: (input, actorId) => submitAppeal(actorId, input),
  invalidate: () => refresh(),
  done: "Appeal sent. A moderator will decide it; the answer appears here.",
});
