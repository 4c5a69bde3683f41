// Every server action is a public POST endpoint: a body that is not form data (JSON, text, a bare value,
// as Next decodes a replayed or hand-made request) must come back as a refusal the form can show, never
// as a thrown "b.get is not a function" (a 500). One shape check in lib/action.ts covers them all.
import { UNREADABLE_FORM } from "@/lib/action";
import { renameAccount, deleteAccount } from "@/lib/accounts/actions/account";
import { submitAppealAction } from "@/lib/moderation/actions/appeals";
import { deleteComment, editComment, postComment, replyToComment, voteComment } from "@/lib/comments/actions";
import { decideComment, decideComments, replyToCommentAsStaff } from "@/lib/moderation/actions/decisions";
import {
  changeUserRole,
  decideAppealAction,
  liftUserSanction,
  sanctionUser,
  saveArticleControls,
  saveSiteSettings,
} from "@/lib/moderation/actions/admin";
import { reportCommentAction } from "@/lib/moderation/actions/reports";

jest.mock("@/lib/accounts/auth/auth", () => ({
  auth: async () => null,
  SESSION_COOKIE: "authjs.session-token",
}));
jest.mock("@/lib/accounts/dal/users", () => ({
  ...jest.requireActual("@/lib/accounts/dal/users"),
  getSessionUserId: async () => null,
}));
jest.mock("next/cache", () => ({ updateTag: () => undefined, refresh: () => undefined }));

type AnyAction = (prev: null, body: never) => Promise<unknown>;
const actions: [string, AnyAction][] = Object.entries({
  renameAccount,
  deleteAccount,
  submitAppealAction,
  postComment,
  replyToComment,
  editComment,
  deleteComment,
  voteComment,
  decideComment,
  decideComments,
  replyToCommentAsStaff,
  saveSiteSettings,
  saveArticleControls,
  sanctionUser,
  liftUserSanction,
  changeUserRole,
  decideAppealAction,
  reportCommentAction,
}).map(([name, fn]) => [name, fn as unknown as AnyAction]);

const bodies: [string, unknown][] = [
  ["a string", "commentId=x&reason=SPAM"],
  ["a JSON object", { commentId: "x", reason: "SPAM" }],
  ["an array", ["$K1"]],
  ["a number", 42],
  ["null", null],
  ["nothing", undefined],
];

describe.each(actions)("%s", (_name, run) => {
  it.each(bodies)("refuses %s in place of a form, as a value", async (_what, body) => {
    await expect(run(null, body as never)).resolves.toEqual({ ok: false, message: UNREADABLE_FORM });
  });
});
