import type { SearchHit } from "@/lib/stories/dal/search";
import { StoryCard } from "@/components/story-card";

/** The excerpt as text nodes: article text is never parsed as HTML. */
function Snippet({ parts }: { parts: SearchHit["snippet"] }) {
  if (parts.length === 0) return null;
  return (
    <p className="mt-2 text-neutral-800 dark:text-neutral-200">
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-neutral-950">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function SearchHitItem({ hit }: { hit: SearchHit }) {
  return (
    <StoryCard story={hit} showImage={false}>
      <Snippet parts={hit.snippet} />
    </StoryCard>
  );
}
