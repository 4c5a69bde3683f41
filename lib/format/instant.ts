// One formatter for instants, for the server and the browser alike: the time zone is always given
// (SITE_TIMEZONE, via lib/format/date.ts on the server or a prop in client components), so a date
// reads the same wherever it was rendered. No server imports: client components use it.

const STYLES = {
  /** "24 November 2026 at 09:30 UTC": stories, comments. */
  dateTime: {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  },
  /** "24 Nov 2026, 09:30 UTC": moderation pages, where many dates sit in a row. */
  short: {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  },
  /** "24 Nov 2026": listings, account pages. */
  date: { dateStyle: "medium" },
  /** "24 Nov 2026, 09:30:15 GMT": the audit log, where seconds tell entries apart. */
  precise: {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type InstantStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(date: Date | string, style: InstantStyle, timeZone: string): string {
  const key = `${style}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat("en-GB", { ...STYLES[style], timeZone })));
  return f.format(typeof date === "string" ? new Date(date) : date);
}
