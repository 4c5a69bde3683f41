// A responsive, optimized <img> rendered on the server: the same srcset and optimizer URLs as
// next/image, without shipping its client component (about 5 kB gzip on every story page).
import { getImageProps, type ImageProps } from "next/image";
import { preload } from "react-dom";

/** `lead`: above the fold and likely the page's largest paint, so fetched eagerly and preloaded. */
export function StaticImage({ lead = false, ...rest }: Omit<ImageProps, "priority" | "preload"> & { lead?: boolean }) {
  const { props } = getImageProps({ ...rest, loading: lead ? "eager" : "lazy" });
  if (lead && typeof props.src === "string")
    preload(props.src, {
      as: "image",
      fetchPriority: "high",
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
    });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- alt is in props (required by ImageProps)
  return <img {...props} fetchPriority={lead ? "high" : undefined} />;
}
