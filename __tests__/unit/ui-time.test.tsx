/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { Time } from "@/components/ui/time";
import { formatInstant } from "@/lib/format/instant";

// 2026-01-15 23:30 UTC is already the 16th in Auckland and still the 15th in New York: a formatter
// that fell back to the machine's (or the browser's) zone would show the wrong day in one of them.
const at = new Date(Date.UTC(2026, 0, 15, 23, 30, 5));

describe("Time: one formatter, in the zone it is given", () => {
  it("renders a <time datetime> in the site's zone, whatever the machine's", () => {
    render(<Time date={at} timeZone="Pacific/Auckland" />);
    const el = screen.getByText(/January 2026/);
    expect(el.tagName).toBe("TIME");
    expect(el).toHaveAttribute("datetime", "2026-01-15T23:30:05.000Z");
    expect(el).toHaveTextContent("16 January 2026 at 12:30 GMT+13");
  });

  it("formats an ISO string (as client components get it) exactly as the Date", () => {
    expect(formatInstant(at.toISOString(), "dateTime", "America/New_York")).toBe(
      formatInstant(at, "dateTime", "America/New_York"),
    );
    expect(formatInstant(at, "dateTime", "America/New_York")).toBe("15 January 2026 at 18:30 GMT-5");
  });

  it("has a short date and a precise style for the audit log", () => {
    expect(formatInstant(at, "date", "UTC")).toBe("15 Jan 2026");
    expect(formatInstant(at, "precise", "UTC")).toBe("15 Jan 2026, 23:30:05 UTC");
  });
});
