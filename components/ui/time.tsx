// An instant as a <time datetime> element, in the site's time zone, the same on the server and in the
// browser. Server components pass SITE_TIMEZONE (lib/format/date.ts); client components get it as a prop.
import { formatInstant, type InstantStyle } from "@/lib/format/instant";

export function Time({
  date,
  timeZone,
  format = "dateTime",
  className,
}: {
  date: Date | string;
  timeZone: string;
  format?: InstantStyle;
  className?: string;
}) {
  const iso = typeof date === "string" ? date : date.toISOString();
  return (
    <time dateTime={iso} className={className}>
      {formatInstant(date, format, timeZone)}
    </time>
  );
}
