// oidc-provider ships no types and @types/oidc-provider lags its majors; this covers what
// scripts/e2e-auth-servers.ts uses.
declare module "oidc-provider" {
  import type { Server } from "node:http";

  type Claims = Record<string, unknown> & { sub: string };
  type Account = { accountId: string; claims: () => Claims | Promise<Claims> };

  export type Configuration = {
    clients?: Record<string, unknown>[];
    claims?: Record<string, string[]>;
    findAccount?: (ctx: unknown, sub: string) => Account | undefined | Promise<Account | undefined>;
    features?: Record<string, { enabled: boolean }>;
    cookies?: { keys?: string[] };
    conformIdTokenClaims?: boolean;
  };

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    listen(port: number, host?: string): Server;
  }
  export default Provider;
}
