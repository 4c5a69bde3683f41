/**
 * @jest-environment jsdom
 */
import { render } from "@testing-library/react";
import { axe } from "jest-axe";
import { ArticleBody, MARKDOWN_LIMIT } from "@/components/article-body";

describe("ArticleBody", () => {
  it("renders paragraphs, subheads, quotes, lists and links", () => {
    const { container, getByRole } = render(
      <ArticleBody
        markdown={[
          "First paragraph with **bold**.",
          "## A subhead",
          "> A quote from the council.",
          "- one\n- two",
          "[the report](https://example.org/report)",
        ].join("\n\n")}
      />,
    );
    expect(getByRole("heading", { level: 2, name: "A subhead" })).toBeInTheDocument();
    expect(container.querySelector("blockquote")).toHaveTextContent("A quote from the council.");
    expect(container.querySelectorAll("li")).toHaveLength(2);
    expect(getByRole("link", { name: "the report" })).toHaveAttribute("href", "https://example.org/report");
  });

  it("demotes a body h1 so the headline stays the only h1", () => {
    const { container } = render(<ArticleBody markdown={"# Not the headline"} />);
    expect(container.querySelector("h1")).toBeNull();
    expect(container.querySelector("h2")).toHaveTextContent("Not the headline");
  });

  it("drops raw HTML and script URLs", () => {
    const { container } = render(
      <ArticleBody
        markdown={[
          "<script>alert(1)</script>",
          '<img src=x onerror="alert(1)">',
          "[click](javascript:alert(1))",
          "[data](data:text/html;base64,PHNjcmlwdD4=)",
          "[mixed](JaVaScRiPt:alert(1))",
        ].join("\n\n")}
      />,
    );
    const html = container.innerHTML;
    expect(html).not.toMatch(/<script|onerror|javascript:|data:text/i);
    expect(container.querySelector("img")).toBeNull();
  });

  it("has no axe violations", async () => {
    const { container } = render(<ArticleBody markdown={"Text.\n\n## Heading\n\n- item"} />);
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("ArticleBody pull quotes and images", () => {
  it("renders a [!PULLQUOTE] blockquote as a pull quote without the marker", () => {
    const { container } = render(
      <ArticleBody
        markdown={"> [!PULLQUOTE]\n> With kelp, the bay does the work.\n\n> An ordinary quote."}
      />,
    );
    const pull = container.querySelector("figure.pull-quote blockquote");
    expect(pull).toHaveTextContent(/^With kelp, the bay does the work\.$/);
    expect(container.innerHTML).not.toMatch(/PULLQUOTE/);
    expect(container.querySelectorAll("blockquote")).toHaveLength(2);
    expect(container.querySelectorAll("figure")).toHaveLength(1);
  });

  it("accepts the marker on a line of its own", () => {
    const { container } = render(<ArticleBody markdown={"> [!pullquote]\n>\n> Spaced out."} />);
    expect(container.querySelector("figure.pull-quote blockquote")).toHaveTextContent(/^Spaced out\.$/);
  });

  it("shows local and https images with alt text and drops every other source", () => {
    const { container, getByRole, queryByRole } = render(
      <ArticleBody
        markdown={[
          "![Kelp lines in the bay](/images/demo/kelp.jpg)",
          "![A remote chart](https://example.org/chart.png)",
          "![insecure](http://example.org/x.png)",
          "![traversal](/images/../api/health)",
          "![elsewhere](/api/health)",
          "![script](javascript:alert(1))",
          "![data](data:image/png;base64,AAAA)",
        ].join("\n\n")}
      />,
    );
    expect(getByRole("img", { name: "Kelp lines in the bay" })).toHaveAttribute(
      "src",
      "/images/demo/kelp.jpg",
    );
    expect(getByRole("img", { name: "A remote chart" })).toHaveAttribute(
      "src",
      "https://example.org/chart.png",
    );
    expect(container.querySelectorAll("img")).toHaveLength(2);
    expect(queryByRole("img", { name: "insecure" })).toBeNull();
  });

  it("renders a 2 MB document without throwing, as plain escaped paragraphs", () => {
    const paragraph = "The board met on **Tuesday** and [voted](javascript:alert(1)) <script>x</script>.\n\n";
    const huge = paragraph.repeat(Math.ceil((2 * 1024 * 1024) / paragraph.length));
    expect(huge.length).toBeGreaterThan(MARKDOWN_LIMIT);
    const { container } = render(<ArticleBody markdown={huge} />);
    expect(container.querySelectorAll("p").length).toBeGreaterThan(20_000);
    expect(container.querySelector("a, script, strong")).toBeNull();
  });

  it("still parses Markdown just under the size limit", () => {
    const { container } = render(<ArticleBody markdown={"**bold**\n\n" + "x".repeat(MARKDOWN_LIMIT - 20)} />);
    expect(container.querySelector("strong")).toHaveTextContent("bold");
  });

  it("has no axe violations with a pull quote and an image", async () => {
    const { container } = render(
      <ArticleBody markdown={"Text.\n\n> [!PULLQUOTE]\n> Quoted.\n\n![A chart](/images/demo/chart.png)"} />,
    );
    expect(await axe(container)).toHaveNoViolations();
  });
});
