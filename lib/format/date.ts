// Dates as readers see them, in SITE_TIMEZONE: one formatter for pages, components and the DAL.
import { env } from "@/lib/env";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: env.SITE_TIMEZONE,
  timeZoneName: "short",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: env.SITE_TIMEZONE });

/** "24 November 2026 at 09:30 UTC" */
export const formatDateTime = (d: Date) => dateTime.format(d);
/** "24 Nov 2026" */
export const formatDate = (d: Date) => dateOnly.format(d);
