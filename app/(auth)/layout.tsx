import { SiteFrame } from "@/components/site-chrome";

// Sign-in and account pages. Each page that reads the request sets `instant = false`: it renders whole
// for each request, outside any Suspense boundary, so its forms are complete without JavaScript.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame narrow>{children}</SiteFrame>;
}
