// Structured data for search engines. A plain <script>, not next/script: JSON-LD is data, not code.
import { serializeJsonLd, type JsonLdData } from "@/lib/seo/json-ld";

export function JsonLd({ data }: { data: JsonLdData | JsonLdData[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
