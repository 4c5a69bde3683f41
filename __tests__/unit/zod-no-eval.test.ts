// The schemas client forms import must not call `new Function` (a strict CSP reports it as a
// violation in the browser, even when zod catches the refusal).
describe("the shared schemas under a CSP without 'unsafe-eval'", () => {
  it("are built and used without evaluating code", () => {
    const real = globalThis.Function;
    const calls: unknown[][] = [];
    const refusing = new Proxy(real, {
      construct(_target, args) {
        calls.push(args);
        throw new EvalError("Refused to evaluate a string as JavaScript (CSP)");
      },
      apply(_target, _this, args) {
        calls.push(args);
        throw new EvalError("Refused to evaluate a string as JavaScript (CSP)");
      },
    });
    globalThis.Function = refusing;
    try {
      jest.isolateModules(() => {
        const comment = jest.requireActual<typeof import("@/lib/comments/schema")>("@/lib/comments/schema");
        jest.requireActual("@/lib/accounts/schemas/account");
        jest.requireActual("@/lib/moderation/schema");
        jest.requireActual("@/lib/accounts/schemas/auth");
        expect(comment.postCommentSchema.safeParse({}).success).toBe(false);
      });
    } finally {
      globalThis.Function = real;
    }
    expect(calls).toEqual([]);
  });
});
