import { Suspense } from "react";
import { SectionLinks, SiteFrame } from "@/components/site-chrome";
import { cachedSections as sections } from "./_lib/cached";

async function HeaderNav() {
  return (
    <SectionLinks
      sections={await sections()}
      className="-mx-1 flex gap-x-5 gap-y-1 overflow-x-auto px-1 text-sm font-medium sm:flex-wrap"
    />
  );
}

async function FooterNav() {
  return <SectionLinks sections={await sections()} className="flex flex-wrap gap-x-5 gap-y-1 font-medium" />;
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <SiteFrame
      headerNav={
        <Suspense fallback={null}>
          <HeaderNav />
        </Suspense>
      }
      footerNav={
        <Suspense fallback={null}>
          <FooterNav />
        </Suspense>
      }
    >
      {children}
    </SiteFrame>
  );
}
