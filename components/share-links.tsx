type Props = { url: string; title: string };

const linkClass =
  "inline-block rounded border border-neutral-400 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-600 dark:hover:bg-neutral-800";

/**
 * Plain share links: no third-party scripts, no tracking pixels, nothing loaded until a reader
 * clicks. The link itself is shown too, so it can be copied without a clipboard script.
 */
export function ShareLinks({ url, title }: Props) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const targets = [
    { name: "E-mail", href: `mailto:?subject=${t}&body=${u}` },
    { name: "X (Twitter)", href: `https://twitter.com/intent/tweet?url=${u}&text=${t}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
  return (
    <section aria-labelledby="share-heading" className="mt-10 print:hidden">
      <h2 id="share-heading" className="text-sm font-bold uppercase tracking-wider">
        Share this story
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {targets.map((target) => (
          <li key={target.name}>
            <a
              href={target.href}
              className={linkClass}
              {...(target.href.startsWith("https:") ? { target: "_blank", rel: "noopener noreferrer" } : {})}
            >
              {target.name}
              {target.href.startsWith("https:") ? (
                <span className="sr-only"> (opens in a new tab)</span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-neutral-700 dark:text-neutral-300">
        Link to this story:{" "}
        <a href={url} className="break-all underline">
          {url}
        </a>
      </p>
    </section>
  );
}
