// A remark plugin for pull quotes. Convention (documented in README, "Importing stories"): a
// blockquote whose first line is `[!PULLQUOTE]`, in the style of GitHub's `> [!NOTE]` alerts.
//
//   > [!PULLQUOTE]
//   > With kelp, the bay does the work.

type Node = {
  type: string;
  value?: string;
  children?: Node[];
  data?: { hProperties?: Record<string, unknown> };
};

const MARKER = /^\s*\[!PULLQUOTE\][ \t]*\n?/i;

function mark(quote: Node) {
  const first = quote.children?.[0];
  const text = first?.type === "paragraph" ? first.children?.[0] : undefined;
  if (!first || text?.type !== "text" || !MARKER.test(text.value ?? "")) return;
  text.value = (text.value ?? "").replace(MARKER, "");
  if (text.value === "") first.children!.shift();
  if (first.children!.length === 0) quote.children!.shift();
  quote.data = { ...quote.data, hProperties: { ...quote.data?.hProperties, dataPullQuote: "" } };
}

function walk(node: Node) {
  if (node.type === "blockquote") mark(node);
  node.children?.forEach(walk);
}

export function remarkPullQuotes() {
  return (tree: Node) => walk(tree);
}
