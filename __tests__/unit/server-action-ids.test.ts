// Which actions answer with their result alone (proxy.ts asks for those answers unencoded): read from
// the build's server-reference manifest by file and export name, since ids are hashes.
import { resultOnlyIdsIn } from "@/lib/http/server-action-ids";

const entry = (filename: string, exportedName: string) => ({ workers: {}, filename, exportedName });

it("names the comment post and reply actions, and no action whose answer carries a page", () => {
  const ids = resultOnlyIdsIn({
    node: {
      a1: entry("lib/comments/actions.ts", "postComment"),
      a2: entry("lib/comments/actions.ts", "replyToComment"),
      a3: entry("lib/comments/actions.ts", "voteComment"),
      a4: entry("lib/comments/actions.ts", "editComment"),
      a5: entry("lib/comments/actions.ts", "deleteComment"),
      a6: entry("lib/moderation/actions/decisions.ts", "postComment"),
    },
    edge: { a7: entry("lib/comments/actions.ts", "postComment") },
  });
  expect([...ids].sort()).toEqual(["a1", "a2", "a7"]);
  expect(resultOnlyIdsIn({}).size).toBe(0);
});
