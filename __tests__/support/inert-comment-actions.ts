// The comment server actions as inert functions, for component tests that render the forms (which need
// only the actions' references): jest.mock("@/lib/comments/actions", () => jest.requireActual(<this file>)).
export const postComment = jest.fn();
export const replyToComment = jest.fn();
export const editComment = jest.fn();
export const deleteComment = jest.fn();
export const voteComment = jest.fn();
