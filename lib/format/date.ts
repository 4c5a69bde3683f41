// Dates as readers see them, in SITE_TIMEZONE, on the server (pages, components, the DAL). Client
// components get the zone as a prop and format with lib/format/instant.ts; components/ui/time.tsx
// renders either as a <time datetime> element.
import { env } from "@/lib/env";
import { formatInstant } from "./instant";

export const SITE_TIMEZONE = env.SITE_TIMEZONE;
/** "24 November 2026 at 09:30 UTC" */
export const formatDateTime = (d: Date) => formatInstant(d, "dateTime", SITE_TIMEZONE);
/** "24 Nov 2026" */
export const formatDate = (d: Date) => formatInstant(d, "date", SITE_TIMEZONE);
