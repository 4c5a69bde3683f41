import { formatDate, formatDateTime } from "@/lib/format/date";

describe("date formatting", () => {
  const when = new Date(Date.UTC(2026, 10, 24, 9, 30));
  it("shows the date and time with the zone", () => {
    expect(formatDateTime(when)).toBe("24 November 2026 at 09:30 UTC");
  });
  it("shows a short date", () => {
    expect(formatDate(when)).toBe("24 Nov 2026");
  });
});
