/**
 * @jest-environment jsdom
 */
import { render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { StoryCard } from "@/components/story-card";
import { PaginationLinks } from "@/components/pagination-links";
import { ShareLinks } from "@/components/share-links";
import type { ArticleSummary } from "@/lib/stories/dal/articles";

// The real env module validates DATABASE_URL through the Prisma adapters, which jsdom cannot load;
// these components only need the site's time zone.
jest.mock("@/lib/env", () => ({
  env: { SITE_TIMEZONE: "UTC", SITE_NAME: "The Test Courier", SITE_URL: "http://localhost:3000" },
}));

const story: ArticleSummary = {
  id: "a1",
  slug: "kelp-farmers",
  headline: "Kelp farmers bet on the bay",
  standfirst: "Three small farms are growing seaweed.",
  publishedAt: new Date("2026-11-15T08:00:00Z"),
  section: { slug: "climate", name: "Climate" },
  hero: { path: "/images/demo/kelp.jpg", alt: "Kelp under water" },
  authors: [
    { slug: "theo", name: "Theo Lindqvist" },
    { slug: "mara", name: "Mara Quist" },
  ],
};

describe("StoryCard", () => {
  it("links the headline, section and each author, with the date as <time>", async () => {
    const { container } = render(<StoryCard story={story} level={3} />);
    expect(screen.getByRole("heading", { level: 3, name: story.headline })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: story.headline })).toHaveAttribute(
      "href",
      "/articles/kelp-farmers",
    );
    expect(screen.getByRole("link", { name: "Climate" })).toHaveAttribute("href", "/sections/climate");
    expect(screen.getByRole("link", { name: "Theo Lindqvist" })).toHaveAttribute("href", "/authors/theo");
    expect(screen.getByRole("link", { name: "Mara Quist" })).toHaveAttribute("href", "/authors/mara");
    expect(screen.getByRole("img", { name: "Kelp under water" })).toBeInTheDocument();
    expect(container.querySelector("time")).toHaveAttribute("datetime", "2026-11-15T08:00:00.000Z");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("renders an optimized, responsive <img> with no client component: lazy, or eager for the lead", () => {
    const { container, rerender } = render(<StoryCard story={story} level={3} />);
    const img = screen.getByRole("img", { name: "Kelp under water" });
    expect(img).toHaveAttribute("loading", "lazy");
    expect(img.getAttribute("srcset")).toMatch(
      /^\/_next\/image\?url=%2Fimages%2Fdemo%2Fkelp\.jpg&w=\d+&q=75 \d+w, /,
    );
    expect(img).toHaveAttribute("sizes", "(min-width: 768px) 33vw, 100vw");
    // next.config.ts's widths: a card's picture needs 256 px and up, never the 3,840 of Next's default.
    expect(img.getAttribute("srcset")!.split(", ").map((entry) => entry.split(" ")[1])).toEqual([
      "256w",
      "384w",
      "640w",
      "828w",
      "1200w",
      "1920w",
    ]);
    expect(img).not.toHaveAttribute("fetchpriority");
    rerender(<StoryCard story={story} lead />);
    expect(screen.getByRole("img", { name: "Kelp under water" })).toHaveAttribute("loading", "eager");
    expect(container.querySelector("img")).toHaveAttribute("fetchpriority", "high");
    // A card that is not the lead but holds the page's first picture (a front page without a lead one).
    rerender(<StoryCard story={story} level={3} firstImage />);
    expect(screen.getByRole("img", { name: "Kelp under water" })).toHaveAttribute("loading", "eager");
    expect(container.querySelector("img")).toHaveAttribute("sizes", "(min-width: 768px) 33vw, 100vw");
  });
});

describe("PaginationLinks", () => {
  it("shows only Older on the first page", () => {
    render(<PaginationLinks basePath="/tags/x" older="abc" newer={null} />);
    expect(screen.getByRole("link", { name: "Older stories" })).toHaveAttribute("href", "/tags/x/page/abc");
    expect(screen.queryByRole("link", { name: /Newer/ })).toBeNull();
  });

  it("sends Newer to the bare URL when the newer page is the first", () => {
    render(<PaginationLinks basePath="/tags/x" older={null} newer={{ cursor: null }} />);
    expect(screen.getByRole("link", { name: "Newer stories" })).toHaveAttribute("href", "/tags/x");
    expect(screen.queryByRole("link", { name: /Older/ })).toBeNull();
  });

  it("carries cursors both ways in the middle, accessibly", async () => {
    const { container } = render(<PaginationLinks basePath="/tags/x" older="o" newer={{ cursor: "n" }} />);
    const nav = screen.getByRole("navigation", { name: "Pages" });
    expect(within(nav).getByRole("link", { name: /Newer/ })).toHaveAttribute("href", "/tags/x/page/n");
    expect(within(nav).getByRole("link", { name: /Older/ })).toHaveAttribute("href", "/tags/x/page/o");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("renders nothing for a single page", () => {
    const { container } = render(<PaginationLinks basePath="/tags/x" older={null} newer={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("ShareLinks", () => {
  const url = "https://news.example/articles/kelp & co";
  it("builds plain, encoded share links and shows the address itself", async () => {
    const { container } = render(<ShareLinks url={url} title="Kelp & the bay" />);
    const enc = encodeURIComponent(url);
    expect(screen.getByRole("link", { name: "E-mail" })).toHaveAttribute(
      "href",
      `mailto:?subject=${encodeURIComponent("Kelp & the bay")}&body=${enc}`,
    );
    expect(screen.getByRole("link", { name: /X \(Twitter\)/ }).getAttribute("href")).toBe(
      `https://twitter.com/intent/tweet?url=${enc}&text=${encodeURIComponent("Kelp & the bay")}`,
    );
    expect(screen.getByRole("link", { name: /Facebook/ }).getAttribute("href")).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${enc}`,
    );
    expect(screen.getByRole("link", { name: /LinkedIn/ }).getAttribute("href")).toContain(`url=${enc}`);
    expect(screen.getByRole("link", { name: url })).toHaveAttribute("href", url);
    expect(container.querySelector("script, iframe")).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });
});
