// Text that is safe inside XML 1.0. The `feed` package (through xml-js) escapes element text but
// not `&` or `<` in attributes, and nothing removes characters XML forbids outright, so every
// string we hand to a feed or sitemap goes through here first.

// Control characters other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF are not XML.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlChars(text: string): string {
  return text.replace(NOT_XML, "");
}

export function escapeXml(text: string): string {
  return xmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** For text the feed package wraps in CDATA: a second "]]>" would end the section early. */
export function cdataSafe(text: string): string {
  return xmlChars(text).replace(/]]>/g, "]] >");
}
