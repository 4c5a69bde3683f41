import { readFileSync } from "node:fs";
import path from "node:path";
import { ImportError, parseArticleFile, slugify, standfirstFrom } from "@/lib/stories/importer/parse";

const fixture = readFileSync(path.join(__dirname, "../fixtures/plain-text-story.txt"), "utf8");

function errorOf(fileName: string, text: string): string {
  try {
    parseArticleFile(fileName, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error(`${fileName} parsed without an error`);
}

const md = (frontMatter: string, body = "Some body text. More of it.") =>
  `---\n${frontMatter}\n---\n\n${body}\n`;

describe("plain-text files", () => {
  const story = parseArticleFile("plain-text-story.txt", fixture);
  const paragraphs = story.bodyMarkdown.split("\n\n");

  it("reads the headline, the picture and its credit", () => {
    expect(story.headline).toBe("Kremlin Downplays Zelensky Talks as Trump Questions Putin's Peace Intent");
    expect(story.slug).toBe("kremlin-downplays-zelensky-talks-as-trump-questions-putins-peace-intent");
    expect(story.image).toEqual({
      alt: "Russian President Vladimir Putin and former US President Donald Trump conversing, with a blurred airplane in the background, suggesting a recent meeting.",
      caption: "Putin received a warm welcome in Alaska on Friday",
      credit: "Getty Images",
    });
  });

  it("keeps every body paragraph, quotes intact, and drops the page chrome", () => {
    // Counted by hand in the fixture: 23 paragraphs between the caption line and "Post a Comment".
    expect(paragraphs).toHaveLength(23);
    expect(paragraphs[0]).toMatch(/^The Kremlin has tempered expectations/);
    expect(paragraphs[22]).toMatch(/find a path to peace\.$/);
    expect(story.bodyMarkdown).toContain(
      '"We\'re going to find out about President Putin in the next couple of weeks," Trump stated',
    );
    expect(story.bodyMarkdown).toContain('"a predator, and an ogre at our doorstep,"');
    expect(story.bodyMarkdown).not.toMatch(/Post a Comment|0 Comments/);
  });

  it("takes the first sentence as standfirst and falls back to News / Staff", () => {
    expect(story.standfirst).toBe(
      "The Kremlin has tempered expectations for an immediate summit between Russian President Vladimir Putin and Ukraine's Volodymyr Zelensky.",
    );
    expect(story.section).toEqual({ name: "News", slug: "news" });
    expect(story.authors).toEqual([{ name: "Staff", slug: "staff" }]);
    expect(story.status).toBe("PUBLISHED");
  });

  it("uses the section and author given on the command line", () => {
    const withDefaults = parseArticleFile("a.txt", fixture, { section: "World", author: "Jane Doe" });
    expect(withDefaults.section).toEqual({ name: "World", slug: "world" });
    expect(withDefaults.authors).toEqual([{ name: "Jane Doe", slug: "jane-doe" }]);
  });

  it("accepts credit variants, curly quotes, Windows line endings and trailing chrome", () => {
    const text = [
      "Café owners “cautiously” hopeful",
      "",
      "A barista pours milk into a cup.",
      "Morning rush at the Harbour Café – Photo: Ana Ruiz",
      "",
      "“It’s been a long year,” said the owner. ‘We’re still here.’",
      "",
      "1. This line is not a list.",
      "",
      "Advertisement",
      "",
      "Share",
      "12 Comments",
    ].join("\r\n");
    const story = parseArticleFile("cafe.txt", text);
    expect(story.slug).toBe("cafe-owners-cautiously-hopeful");
    expect(story.image).toEqual({
      alt: "A barista pours milk into a cup.",
      caption: "Morning rush at the Harbour Café",
      credit: "Ana Ruiz",
    });
    expect(story.bodyMarkdown).toBe(
      "“It’s been a long year,” said the owner. ‘We’re still here.’\n\n1\\. This line is not a list.",
    );
    expect(parseArticleFile("c.txt", "Head\n\nPic\nSource: AP\n\nBody.").image).toEqual({
      alt: "Pic",
      credit: "AP",
    });
    expect(parseArticleFile("d.txt", "Head\n\nPic\nCap - Credit: AP\n\nBody.").image?.credit).toBe("AP");
  });

  it("reads a story without a picture", () => {
    const story = parseArticleFile("n.txt", "Headline only\n\nFirst paragraph here.\n\nSecond.");
    expect(story.image).toBeUndefined();
    expect(story.bodyMarkdown).toBe("First paragraph here.\n\nSecond.");
  });
});

describe("markdown files", () => {
  it("reads every front matter field", () => {
    const story = parseArticleFile(
      "story.md",
      md(
        [
          "slug: ferry-fares-frozen",
          "headline: Ferry fares frozen for another year",
          "standfirst: The harbour board kept prices flat.",
          "section: City",
          "tags: [Transport, Harbour, transport]",
          "author: [Mara Quist, Theo Lindqvist]",
          "image: /images/demo/ferry.jpg",
          "alt: A green ferry leaving the pier",
          "caption: The 7.40 sailing",
          "credit: Port Alder Courier",
          "publishedAt: 2026-11-20T09:30:00Z",
          "status: draft",
          "commentsClosed: true",
          "redirectFrom: [old-ferry-story]",
        ].join("\n"),
        "## Why\n\nBecause.",
      ),
    );
    expect(story).toEqual({
      slug: "ferry-fares-frozen",
      headline: "Ferry fares frozen for another year",
      standfirst: "The harbour board kept prices flat.",
      bodyMarkdown: "## Why\n\nBecause.",
      section: { name: "City", slug: "city" },
      tags: [
        { name: "Transport", slug: "transport" },
        { name: "Harbour", slug: "harbour" },
      ],
      authors: [
        { name: "Mara Quist", slug: "mara-quist" },
        { name: "Theo Lindqvist", slug: "theo-lindqvist" },
      ],
      image: {
        path: "/images/demo/ferry.jpg",
        alt: "A green ferry leaving the pier",
        caption: "The 7.40 sailing",
        credit: "Port Alder Courier",
      },
      publishedAt: new Date("2026-11-20T09:30:00Z"),
      status: "DRAFT",
      commentsClosed: true,
      redirectFrom: ["old-ferry-story"],
    });
  });

  it("derives what is left out", () => {
    const story = parseArticleFile(
      "s.md",
      md(
        "headline: Ørsted & Søn open a café\nauthor: Jo Li",
        "## Sub\n\n> quote\n\nFirst *real* [para](https://x.test). Next.",
      ),
      { section: "Culture" },
    );
    expect(story.slug).toBe("orsted-and-son-open-a-cafe");
    expect(story.standfirst).toBe("First real para. Next.");
    expect(story.section.slug).toBe("culture");
    expect(story.authors).toEqual([{ name: "Jo Li", slug: "jo-li" }]);
    expect(story.image).toBeUndefined();
    expect(story.publishedAt).toBeUndefined();
  });
});

describe("malformed files", () => {
  const cases: [file: string, text: string, message: string][] = [
    ["story.md", md("slug: x"), 'story.md: front matter is missing "headline"'],
    ["x.md", md("headline: A\nbad: x: y"), "x.md: front matter is not valid YAML (line 3)"],
    [
      "x.md",
      md("headline: A\nimage: /a.jpg"),
      'x.md: front matter is missing "alt" (alt text is required whenever an image is given)',
    ],
    ["x.md", md("headline: A\nheadine: B"), 'x.md: front matter has an unknown field "headine"'],
    ["x.md", md("headline: A\nstatus: live"), 'x.md: front matter "status" must be draft or published'],
    ["x.md", md("headline: A\npublishedAt: 'soon'"), 'x.md: "publishedAt" is not a date: "soon"'],
    [
      "x.md",
      md("headline: A\nimage: pics/a.jpg\nalt: B"),
      'x.md: "image" must be a site path starting with "/" or an https:// URL, got "pics/a.jpg"',
    ],
    [
      "x.md",
      md("headline: A\nslug: Not A Slug"),
      'x.md: "slug" must be lowercase letters, digits and single hyphens',
    ],
    ["x.md", md("headline: A", ""), "x.md: there is no article text after the front matter"],
    ["x.md", "Just text", "x.md: no front matter (the file must start with a --- line)"],
    ["x.md", "---\nheadline: A\n", "x.md: front matter is not closed (no second --- line)"],
    [
      "x.txt",
      "Headline\n\nPic\nCap - Source : AP\n\nPost a Comment\n\n0 Comments",
      "x.txt: no body paragraphs after the caption line",
    ],
    ["x.txt", "Headline", "x.txt: no body paragraphs after the headline"],
    [
      "x.txt",
      "Headline\n\nCap - Source : AP\n\nBody.",
      "x.txt: the caption line has no image description above it (needed as alt text)",
    ],
    [
      "x.txt",
      `${"word ".repeat(60)}\n\nBody.`,
      "x.txt: line 1 should be the headline but is over 200 characters long",
    ],
    ["x.docx", "anything", 'x.docx: unsupported file type ".docx" (expected .md or .txt)'],
    ["empty.txt", " \n\n", "empty.txt: file is empty"],
    ["photo.txt", "JFIF\u0000\u0010\uFFFD", "photo.txt: contains binary data, not text"],
  ];
  it.each(cases.map(([file, text, message]) => [message, file, text]))("%s", (message, fileName, text) => {
    expect(errorOf(fileName, text)).toBe(message);
  });
});

describe("slugify and standfirstFrom", () => {
  it("folds accents and keeps slugs within 80 characters at a word boundary", () => {
    expect(slugify("Crème brûlée: São Paulo’s “best” — 100% sure?")).toBe(
      "creme-brulee-sao-paulos-best-100-sure",
    );
    const long = slugify("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^(word-)+word$/);
  });

  it("stops at 200 characters on a sentence, or else on a word", () => {
    expect(standfirstFrom("Mr. Lee said yes. The U.S. Navy agreed. Then " + "x".repeat(190) + ".")).toBe(
      "Mr. Lee said yes. The U.S. Navy agreed.",
    );
    const cut = standfirstFrom("lorem ipsum ".repeat(40));
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/(ipsum|lorem)…$/);
  });
});
