// The picture social networks show for a story: its headline over the hero photograph. Everything
// is local: the photo is read from public/ and the font is next/og's bundled one (see og-text.ts).
// Drawing one takes a second of CPU, so the PNG is cached under the story's tag (an import of the
// story expires it); proxy.ts answers 404 for an unknown or unpublished slug before this runs.
import { cacheLife, cacheTag } from "next/cache";
import { ImageResponse } from "next/og";
import { connection } from "next/server";
import { cacheTags, HEALING_LIFE } from "@/lib/cache-tags";
import { findArticleBySlug } from "@/lib/stories/dal/articles";
import { localImageDataUrl } from "@/lib/seo/images";
import { drawableText } from "@/lib/seo/og-text";
import { site } from "@/lib/seo/site";

export const alt = "The story's headline over its photograph";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

// satori decodes JPEG, PNG and GIF only; other heroes get the plain background.
const DRAWABLE = /\.(jpe?g|png|gif)$/i;

async function findArticle(slug: string) {
  const found = await findArticleBySlug(slug);
  if (found.kind === "redirect") {
    const target = await findArticleBySlug(found.slug);
    return target.kind === "article" ? target.article : null;
  }
  return found.kind === "article" ? found.article : null;
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    decoded = slug;
  }
  const png = await cachedImage(decoded);
  if (!png) {
    return new Response("No such story.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": contentType,
      // Headlines get corrected: an hour's caching, not next/og's year-long immutable default.
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
    },
  });
}

/** The story's image as PNG bytes, or null when there is no such published story. */
async function cachedImage(slug: string): Promise<Uint8Array | null> {
  "use cache";
  if (typeof slug !== "string" || slug.length === 0 || slug.length > 200) return null;
  cacheLife(HEALING_LIFE);
  cacheTag(cacheTags.article(slug));
  const article = await findArticle(slug);
  if (!article) return null;
  cacheTag(cacheTags.article(article.slug));
  const heroPath = article.hero?.path;
  const photo = heroPath && DRAWABLE.test(heroPath) ? await localImageDataUrl(heroPath) : null;
  const headline = drawableText(article.headline);
  const fontSize = headline.length > 110 ? 46 : headline.length > 70 ? 56 : 66;

  const image = new ImageResponse(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        position: "relative",
        backgroundImage: "linear-gradient(135deg, #881337, #1c1917)",
      }}
    >
      {photo ? (
        // A plain <img>: satori draws the JSX itself, next/image does not apply.
        <img
          src={photo}
          alt=""
          width={size.width}
          height={size.height}
          style={{ position: "absolute", top: 0, left: 0, width: "100%", height: "100%", objectFit: "cover" }}
        />
      ) : null}
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          justifyContent: "flex-end",
          width: "100%",
          height: "100%",
          padding: "48px 64px",
          color: "#ffffff",
          // Dark at the bottom so white text keeps its contrast over any photograph.
          backgroundImage: "linear-gradient(to bottom, rgba(0,0,0,0.05) 20%, rgba(0,0,0,0.88) 72%)",
        }}
      >
        <div
          style={{
            display: "flex",
            fontSize: 26,
            letterSpacing: 2,
            textTransform: "uppercase",
            color: "#fecdd3",
          }}
        >
          {drawableText(article.section.name)}
        </div>
        <div style={{ display: "flex", marginTop: 12, fontSize, lineHeight: 1.12 }}>{headline}</div>
        <div style={{ display: "flex", marginTop: 28, fontSize: 28, color: "#e7e5e4" }}>
          {drawableText(site.name)}
        </div>
      </div>
    </div>,
    size,
  );
  return new Uint8Array(await image.arrayBuffer());
}
