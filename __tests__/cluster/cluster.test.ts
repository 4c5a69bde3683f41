// Many instances, one site: three `next start` instances from one build on one PostgreSQL database
// and one (throwaway) Redis. Run by `npm test` when TEST_POSTGRES_URL and TEST_REDIS_URL are set;
// otherwise skipped with the reason printed. The delays it measures are printed, not asserted.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSession, buildUser } from "@/lib/comments/builders";
import { createPrismaClient } from "@/lib/prisma";
import { paths } from "@/lib/paths";
import { postCommentAction, serverActionId, type PostOutcome } from "@/scripts/lib/bench-comments";
import { ROOT } from "@/scripts/lib/run";
import { importStory, prepareBuild, skipReason, startCluster, type Cluster } from "./harness";

const STORY = {
  file: "content/demo/night-buses-return-to-east-side.md",
  slug: "night-buses-return-to-east-side",
};
const DIST_DIR = process.env.CLUSTER_DIST_DIR || ".next-cluster";

// Each test drives several servers on a shared machine: well past Jest's 60 s default under load.
jest.setTimeout(240_000);

if (skipReason) console.log(`*** Cluster tests SKIPPED: ${skipReason}`);
const describeCluster = skipReason ? describe.skip : describe;

const headlineOf = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "";
const page = async (base: string, p: string) => {
  const res = await fetch(`${base}${p}`, { signal: AbortSignal.timeout(15_000) });
  return { status: res.status, html: await res.text() };
};

/** A copy of a demo story with `headline` (and, given `slug`, as a new story). */
function storyFile(headline: string, slug?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-cluster-"));
  let text = readFileSync(path.join(ROOT, STORY.file), "utf8").replace(
    /^headline: .*$/m,
    `headline: "${headline}"`,
  );
  if (slug)
    text = text
      .replace(/^slug: .*$/m, `slug: ${slug}`)
      .replace(/^image: .*$/m, "")
      .replace(/^publishedAt: .*$/m, `publishedAt: ${new Date().toISOString()}`);
  const file = path.join(dir, `${slug ?? STORY.slug}.md`);
  writeFileSync(file, text);
  return file;
}

const decodeEntities = (text: string) =>
  text.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, e: string) =>
    e === "quot" ? '"' : e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : "'",
  );

/** The form `id` in `html` as a browser without JavaScript would send it: its action and its inputs. */
function formIn(html: string, id: string): { action: string; fields: [string, string][] } {
  const form = new RegExp(`<form[^>]* id="${id}"[^>]*>[\\s\\S]*?</form>`).exec(html)?.[0];
  if (!form) throw new Error(`no form #${id} in the page`);
  const attr = (tag: string, name: string) => {
    const value = new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1];
    return value === undefined ? undefined : decodeEntities(value);
  };
  const fields: [string, string][] = [];
  for (const [input] of form.matchAll(/<(input|textarea)\b[^>]*>/g)) {
    const name = attr(input, "name");
    if (name) fields.push([name, attr(input, "value") ?? ""]);
  }
  return { action: attr(form.slice(0, form.indexOf(">") + 1), "action") ?? "", fields };
}

async function pollUntil(ok: () => Promise<boolean>, ms: number): Promise<number> {
  const start = Date.now();
  while (!(await ok().catch(() => false))) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - start;
}

describeCluster("three instances, one build, one PostgreSQL, one Redis", () => {
  let cluster: Cluster;
  let actionId: string;
  let article: { id: string; slug: string };
  let db: ReturnType<typeof createPrismaClient>;
  const url = (i: number) => cluster.instances[i].url;

  async function writer() {
    const userId = (await buildUser(db)).id;
    return { userId, token: await buildSession(db, userId) };
  }

  /** The comment form's post with JavaScript on (the postComment action), to instance `base`. */
  async function post(
    base: string,
    token: string,
    body: string,
    idempotencyKey = randomBytes(8).toString("hex"),
  ): Promise<PostOutcome> {
    const { outcome } = await postCommentAction({
      baseUrl: base,
      actionId,
      slug: article.slug,
      articleId: article.id,
      token,
      body,
      idempotencyKey,
      timeoutMs: 15_000,
    });
    return outcome;
  }

  beforeAll(async () => {
    const template = await prepareBuild();
    cluster = await startCluster(3, template);
    actionId = serverActionId(DIST_DIR, "lib/comments/actions.ts", "postComment");
    db = createPrismaClient(cluster.databaseUrl);
    article = await db.article.findFirstOrThrow({
      where: { status: "PUBLISHED", commentsClosed: false, slug: { not: STORY.slug } },
      orderBy: { publishedAt: "desc" },
      select: { id: true, slug: true },
    });
  }, 900_000);

  afterAll(async () => {
    await db?.$disconnect();
    await cluster?.close();
  }, 60_000);

  it("a story re-imported through A is fresh on B and C at once", async () => {
    for (const i of [0, 1, 2]) for (let n = 0; n < 2; n++) await page(url(i), `/articles/${STORY.slug}`);
    const changed = `Night buses edited on A ${Date.now()}`;
    expect(await importStory(cluster, storyFile(changed), url(0))).toBe(0);
    const told = Date.now();
    const [b, c] = await Promise.all([1, 2].map((i) => page(url(i), `/articles/${STORY.slug}`)));
    console.log(`cluster: first reads on B and C after the import answered in ${Date.now() - told} ms`);
    expect(headlineOf(b.html)).toBe(changed);
    expect(headlineOf(c.html)).toBe(changed);
  });

  it("a comment posted on A shows on B, and the form A rendered posts to B", async () => {
    const { token } = await writer();
    const body = `Posted through A ${Date.now()}`;
    await page(url(1), paths.article(article.slug));
    expect(await post(url(0), token, body)).toBe("ok");
    const ms = await pollUntil(
      async () => (await page(url(1), paths.article(article.slug))).html.includes(body),
      5000,
    );
    console.log(`cluster: a comment posted on A showed on B after ${ms} ms`);

    // The compose form as A renders it for this reader (its action reference and hidden fields),
    // sent to B as a browser without JavaScript sends it: one build, one action id and key.
    const cookie = `authjs.session-token=${token}`;
    const onA = await fetch(`${url(0)}${paths.comments(article.slug)}`, { headers: { Cookie: cookie } });
    expect(onA.status).toBe(200);
    const { action, fields } = formIn(await onA.text(), "comment-form");
    const names = fields.map(([name]) => name);
    expect(names).toContainEqual(expect.stringMatching(/^\$ACTION_REF_\d+$/));
    expect(names).toContain("body");
    const viaB = `Posted through B with A's form ${Date.now()}`;
    const form = new FormData();
    for (const [name, value] of fields) form.set(name, name === "body" ? viaB : value);
    const res = await fetch(new URL(action, url(1)), {
      method: "POST",
      headers: { Origin: url(1), Cookie: cookie },
      body: form,
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    await pollUntil(async () => (await page(url(0), paths.article(article.slug))).html.includes(viaB), 5000);
  });

  it("a new instance serves what the others serve: a story re-imported before it started comes from the shared cache", async () => {
    const changed = `Night buses edited before D started ${Date.now()}`;
    expect(await importStory(cluster, storyFile(changed), url(0))).toBe(0);
    const onA = await page(url(0), paths.article(STORY.slug));
    expect(headlineOf(onA.html)).toBe(changed);

    // D runs on its own copy of the build: its disk holds the story as prerendered before the import.
    const d = await cluster.start(3, { ownBuild: true });
    const first = await fetch(`${d.url}${paths.article(STORY.slug)}`);
    expect(first.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(await first.text()).toBe(onA.html);
    // Navigations and prefetches read the entry's RSC payload and segment data, kept as bytes.
    const rsc = await fetch(`${d.url}${paths.article(STORY.slug)}`, { headers: { RSC: "1" } });
    expect([rsc.status, rsc.headers.get("x-nextjs-cache")]).toEqual([200, "HIT"]);
    expect(await rsc.text()).toContain(changed);
    const tree = await fetch(`${d.url}${paths.article(STORY.slug)}`, {
      headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" },
    });
    expect([tree.status, tree.headers.get("content-type")]).toEqual([200, "text/x-component"]);
    await cluster.kill(3);
  });

  it("a rate limit counts across instances", async () => {
    const { token } = await writer();
    const outcomes: PostOutcome[] = [];
    // 5 comments a minute: three on A and two on B are allowed, the sixth (on C) is not.
    for (const i of [0, 0, 0, 1, 1, 2])
      outcomes.push(await post(url(i), token, `Limit ${outcomes.length} ${Date.now()}`));
    expect(outcomes).toEqual(["ok", "ok", "ok", "ok", "ok", "refused"]);
  });

  it("SIGKILL of one instance mid-load loses no acknowledged comment; the others keep serving", async () => {
    const people = await Promise.all(Array.from({ length: 6 }, writer));
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let posted = 0;
    const run = people.map(async (person, w) => {
      for (let n = 0; n < 4; n++) {
        const target = (w + n) % 3;
        const body = `Load ${w}-${n} ${Date.now()}`;
        const outcome = await post(url(target), person.token, body);
        posted++;
        if (outcome === "ok") acknowledged.push(body);
        else if (target !== 2) failures.push(`${outcome} from ${cluster.instances[target].name}`);
      }
    });
    await pollUntil(async () => posted >= 6, 30_000);
    await cluster.kill(2, "SIGKILL");
    await Promise.all(run);
    expect(failures).toEqual([]);
    const stored = await db.comment.findMany({
      where: { body: { in: acknowledged } },
      select: { body: true },
    });
    expect(stored.map((c) => c.body).sort()).toEqual([...acknowledged].sort());
    for (const i of [0, 1]) expect((await page(url(i), `/articles/${article.slug}`)).status).toBe(200);
    await cluster.start(2);
  });

  it("Redis that answers nothing: every instance serves, from its own copies or by rendering", async () => {
    cluster.pauseRedis(true);
    try {
      for (const i of [0, 1, 2])
        for (const p of [paths.article(STORY.slug), paths.article(article.slug), paths.about])
          expect([p, (await page(url(i), p)).status]).toEqual([p, 200]);
    } finally {
      cluster.pauseRedis(false);
    }
  });

  it("Redis stopped and started again: the site serves throughout and is fresh afterwards", async () => {
    await cluster.stopRedis();
    for (const i of [0, 1, 2]) {
      await pollUntil(
        async () => (await (await fetch(`${url(i)}/api/health`)).json()).cache === "unavailable",
        5000,
      );
      const res = await fetch(`${url(i)}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ db: "ok", cache: "unavailable", ready: false });
      expect((await page(url(i), `/articles/${STORY.slug}`)).status).toBe(200);
      expect((await page(url(i), "/")).status).toBe(200);
    }
    // Re-imported while Redis is down, telling A only.
    const changed = `Night buses edited while Redis was down ${Date.now()}`;
    expect(await importStory(cluster, storyFile(changed), url(0))).toBe(0);
    expect(headlineOf((await page(url(0), `/articles/${STORY.slug}`)).html)).toBe(changed);

    await cluster.startRedis();
    const ms = await pollUntil(async () => {
      const reads = await Promise.all([1, 2].map((i) => page(url(i), `/articles/${STORY.slug}`)));
      return reads.every((r) => headlineOf(r.html) === changed);
    }, 30_000);
    console.log(
      `cluster: after Redis came back, B and C served the story re-imported meanwhile within ${ms} ms`,
    );
    await pollUntil(async () => (await (await fetch(`${url(1)}/api/health`)).json()).cache === "ok", 10_000);
  });

  it("a restarted instance serves what the others serve: an imported story is on its front page at once", async () => {
    const slug = `cluster-new-story-${Date.now()}`;
    const headline = `A story imported through A ${Date.now()}`;
    for (let n = 0; n < 2; n++) await page(url(1), "/");
    expect(await importStory(cluster, storyFile(headline, slug), url(0))).toBe(0);
    await cluster.kill(1);
    await cluster.start(1);
    expect((await page(url(1), "/")).html).toContain(headline);
  });
});

describeCluster("one instance without Redis", () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster(1, await prepareBuild(), { redis: false });
  }, 900_000);

  afterAll(async () => {
    await cluster?.close();
  }, 60_000);

  it("keeps freshness across a restart: an imported story is on the front page at once", async () => {
    const base = cluster.instances[0].url;
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toEqual({ db: "ok" });
    for (let n = 0; n < 2; n++) await page(base, "/");
    const slug = `restart-story-${Date.now()}`;
    const headline = `A story imported before a restart ${Date.now()}`;
    // Nothing asks for the front page before the restart: the page on disk is the one from the build.
    expect(await importStory(cluster, storyFile(headline, slug), base)).toBe(0);
    await cluster.kill(0);
    await cluster.start(0);
    expect((await page(cluster.instances[0].url, "/")).html).toContain(headline);
  });
});
