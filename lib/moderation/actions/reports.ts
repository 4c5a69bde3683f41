"use server";
import { reportComment } from "@/lib/moderation/dal/reports";
import { reportSchema } from "@/lib/moderation/schema";
import { action } from "../../action";
import { commentsModerated } from "../../invalidate";

export const reportCommentAction = action(reportSchema, {
  run: (input, actorId) => reportComment(actorId, input),
  // Only a report that hid the comment changes what readers see.
  invalidate: (r) => {
    if (r.hidden) commentsModerated([r.articleId]);
  },
  done: "Thank you. A moderator will look at this comment.",
});
