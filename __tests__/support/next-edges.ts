// Next's request-time edges, recorded instead of run, for integration tests of server actions that
// call them (the batching tests): the session, updateTag/revalidateTag, after() and the batcher's
// sleep. A test imports the recorders and points its jest.mock factories here:
//   jest.mock("next/cache", () => jest.requireActual("../support/next-edges").nextCache);
export const mockSession: { userId: string | null } = { userId: null };
export const mockUpdated: string[] = [];
export const mockRevalidated: { tag: string; profile: unknown }[] = [];
export const mockAfter: (() => Promise<void>)[] = [];
export const mockSleeps: number[] = [];

/** Empties every recorder (call in beforeEach). */
export function resetEdges(): void {
  for (const list of [mockUpdated, mockRevalidated, mockAfter, mockSleeps]) list.length = 0;
}

export const auth = { auth: async () => null, SESSION_COOKIE: "authjs.session-token" };
export const users = () => ({
  ...jest.requireActual("@/lib/accounts/dal/users"),
  getSessionUserId: async () => mockSession.userId,
});
export const nextCache = {
  updateTag: (tag: string) => mockUpdated.push(tag),
  revalidateTag: (tag: string, profile: unknown) => mockRevalidated.push({ tag, profile }),
  refresh: () => undefined,
};
export const nextServer = () => ({
  ...jest.requireActual("next/server"),
  after: (task: () => Promise<void>) => mockAfter.push(task),
});
export const timers = {
  setTimeout: async (ms: number) => {
    mockSleeps.push(ms);
  },
};
