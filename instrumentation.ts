// Runs once when a server starts, before it serves (node_modules/next/dist/docs: instrumentation).
export async function register() {
  // The database and the HTTP server live in the Node.js runtime, and the build has no server at all.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    // Validates the environment (lib/env.ts) before the first request: Next.js only logs an error
    // thrown here and serves on, so a misconfigured site (a public SITE_URL without EMAIL_SERVER, say)
    // is stopped here with the message that says how to fix it.
    await import("./lib/env");
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  await answerUnfetchableMethods();
  const { startAuthHousekeeping } = await import("./lib/accounts/dal/auth-housekeeping");
  startAuthHousekeeping();
  // A production server renders its hot routes once before /api/health says it is ready
  // (lib/http/warm-up.ts); `next dev` compiles on demand and gains nothing from it.
  if (process.env.NODE_ENV === "production") {
    const { startWarmUp } = await import("./lib/http/warm-up");
    startWarmUp();
  }
}

/**
 * Next turns every request into a fetch Request, which refuses TRACE, TRACK and CONNECT with a
 * TypeError: a 500 and a stack trace in the log before proxy.ts runs. Those methods are answered 405
 * here, ahead of Next. Every other request gets the socket's peer address in PEER_HEADER, and
 * MALFORMED_QUERY_HEADER when its query does not decode.
 */
async function answerUnfetchableMethods() {
  const http = await import("node:http");
  const { allowFor, MALFORMED_QUERY_HEADER, UNFETCHABLE_METHODS, wellFormedQuery } =
    await import("./lib/http/request-guard");
  const { PEER_HEADER } = await import("./lib/http/client-ip");
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
      // The connection's own address, for per-IP limits (lib/http/client-ip.ts); a client cannot set it.
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
      // Next re-encodes a stray % in the query before proxy.ts sees it: judge the query as it came.
      const query = req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
      if (wellFormedQuery(query)) delete req.headers[MALFORMED_QUERY_HEADER];
      else req.headers[MALFORMED_QUERY_HEADER] = "1";
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
