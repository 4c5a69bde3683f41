/**
 * @jest-environment jsdom
 */
import { render } from "@testing-library/react";
import { axe } from "jest-axe";
import { ArticleBody } from "@/components/article-body";

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
