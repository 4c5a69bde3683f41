/**
 * A script that runs while the HTML is parsed. On the client React would only warn about a script
 * it never executes, so there it becomes inert text/plain; suppressHydrationWarning accepts the
 * differing type (Next.js guide "Preventing flash before hydration").
 */
export function InlineScript({ html }: { html: string }) {
  return (
    <script
      type={typeof window === "undefined" ? "text/javascript" : "text/plain"}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
