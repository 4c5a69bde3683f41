// The comments heading's text, shared by the server section and the client count that adds the
// writer's new comments to it.
export function commentsHeading(count: number): string {
  return `${count} ${count === 1 ? "Comment" : "Comments"}`;
}
