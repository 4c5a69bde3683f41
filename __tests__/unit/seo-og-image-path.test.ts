// The story's Open Graph image path is computed, not read from Next: check it against Next's own
// function for metadata routes in a route group, so an upgrade that changes the scheme fails here.
import { SITE } from "./seo-env";
import { fillMetadataSegment } from "next/dist/lib/metadata/get-metadata-route";
import { paths } from "@/lib/paths";

describe("paths.articleOgImage", () => {
  it("is where Next serves app/(site)/articles/[slug]/opengraph-image.tsx", () => {
    const served = fillMetadataSegment(
      "/(site)/articles/[slug]",
      { slug: "seawall-repairs" },
      "opengraph-image",
      false,
    );
    expect(SITE).toBeTruthy();
    expect(paths.articleOgImage("seawall-repairs")).toBe(served);
  });
});
