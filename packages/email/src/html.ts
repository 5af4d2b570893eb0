const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Turns a finished plain-text body into simple HTML. The whole text, template and
 * interpolated values alike, is escaped first, so nothing a person typed can become markup;
 * only the links we put in ourselves are then made clickable.
 */
export function textToHtml(text: string, links: readonly string[], locale: string): string {
  let body = escapeHtml(text);
  const escapedLinks = [...new Set(links.map(escapeHtml))].filter(Boolean).sort((a, b) => b.length - a.length);
  if (escapedLinks.length) {
    // One pass, longest first, so a link that is a prefix of another is never wrapped twice.
    const pattern = new RegExp(escapedLinks.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    body = body.replace(pattern, (link) => `<a href="${link}">${link}</a>`);
  }
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 36em;">
${paragraphs}
</body>
</html>`;
}
