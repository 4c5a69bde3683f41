import { SiteFrame } from "@/components/site-chrome";

// Pages here touch no database at all, so they are prerendered at build time; that is why they
// live outside (site), whose header lists the sections from the database.
export default function StaticLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
