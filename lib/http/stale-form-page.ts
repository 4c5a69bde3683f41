// The page a no-JavaScript form post gets when its server action is gone (the form came from a page
// of an earlier deploy): a 409 that hands back what the reader typed, so nothing is lost, with a
// link back to the page. Built as a plain string in proxy.ts, before Next renders anything.

/** Fields the forms fill in themselves, never typed by the reader. */
const MACHINE_FIELDS = new Set([
  "enhanced",
  "returnTo",
  "articleId",
  "parentId",
  "commentId",
  "idempotencyKey",
  "website",
  "csrfToken",
  "callbackUrl",
  "redirectTo",
]);

const LABELS: Record<string, string> = {
  body: "Your text",
  reason: "Your reason",
  details: "Your details",
  note: "Your note",
  name: "Your name",
  email: "Your e-mail address",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What the reader typed: every non-empty text field that is not an action's or a form's own. */
export function typedFields(form: FormData): [string, string][] {
  const typed: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("$") || MACHINE_FIELDS.has(name)) continue;
    if (value.trim()) typed.push([name, value]);
  }
  return typed;
}

/** A site-relative path to go back to: the form's returnTo when it is one of ours, else `fallback`. */
export function backPath(form: FormData, fallback: string): string {
  const returnTo = form.get("returnTo");
  return typeof returnTo === "string" && /^\/(?![/\\])/.test(returnTo) ? returnTo : fallback;
}

export function staleFormPage(opts: { siteName: string; typed: [string, string][]; back: string }): string {
  const fields = opts.typed
    .map(([name, value], i) => {
      const label = LABELS[name] ?? `What you typed (${name})`;
      return `<p><label for="typed-${i}">${escapeHtml(label)}</label></p>
<p><textarea id="typed-${i}" rows="8" cols="60">${escapeHtml(value)}</textarea></p>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>This page was updated — ${escapeHtml(opts.siteName)}</title>
</head>
<body>
<main>
<h1>This page was updated</h1>
<p>The site changed while you were writing, so what you sent was not saved. Copy your text below, go back to the page and send it again.</p>
${fields}
<p><a href="${escapeHtml(opts.back)}">Go back to the page</a></p>
</main>
</body>
</html>
`;
}
