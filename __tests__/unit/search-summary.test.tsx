/**
 * @jest-environment jsdom
 */
// What the search page says above its results: how many matched, and when a common word matched more
// stories than one search ranks (lib/stories/dal/search.ts, SEARCH_RANKED), that only the newest are.
import { render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { SearchSummary } from "@/app/(site)/search/_components/search-summary";
import { parseSearchQuery } from "@/lib/stories/search-query";

const result = (q: string, fields: { total: number; capped: boolean; page?: number }) => ({
  query: parseSearchQuery(q),
  page: fields.page ?? 1,
  total: fields.total,
  capped: fields.capped,
  pageCount: Math.ceil(fields.total / 20),
  hits: [],
});

it("gives the count of every match", async () => {
  const { container } = render(
    <SearchSummary result={result("regatta", { total: 23, capped: false, page: 2 })} />,
  );
  expect(screen.getByText("23 results for “regatta” (page 2 of 2)")).toBeInTheDocument();
  expect(screen.queryByText(/newest/)).toBeNull();
  expect(await axe(container)).toHaveNoViolations();
});

it("says when only the newest matches are ranked, and how to reach older stories", async () => {
  const { container } = render(
    <SearchSummary result={result("harbour", { total: 1000, capped: true, page: 3 })} />,
  );
  expect(screen.getByText("More than 1,000 results for “harbour” (page 3 of 50)")).toBeInTheDocument();
  expect(
    screen.getByText(
      "The newest 1,000 stories that match are ranked here. To find an older story, add a word.",
    ),
  ).toBeInTheDocument();
  expect(await axe(container)).toHaveNoViolations();
});

it("points past the last page back to the first", () => {
  render(<SearchSummary result={result("harbour", { total: 1000, capped: true, page: 51 })} />);
  expect(screen.getByText("More than 1,000 results for “harbour”")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Go to the first page" })).toHaveAttribute(
    "href",
    "/search?q=harbour",
  );
});
