// Runs once when the server starts (Next's instrumentation hook). Next turns every request into a
// fetch Request, which refuses TRACE, TRACK and CONNECT with a TypeError: a 500 and a stack trace in
// the log before proxy.ts runs. Those methods are answered 405 here, ahead of Next.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const http = await import("node:http");
  const { allowFor, UNFETCHABLE_METHODS } = await import("./lib/request-guard");
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (
    this: InstanceType<typeof http.Server>,
    event: string,
    ...args: unknown[]
  ) {
    if (event === "request") {
      const [req, res] = args as [
        InstanceType<typeof http.IncomingMessage>,
        InstanceType<typeof http.ServerResponse>,
      ];
      if (UNFETCHABLE_METHODS.has(req.method ?? "")) {
        const path = (req.url ?? "/").split("?")[0];
        res.writeHead(405, { allow: allowFor(path), "cache-control": "no-store", "content-length": "0" });
        res.end();
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
