import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown written by people — a consultation's background, a forum's rules, a post, a
 * closing statement — becomes HTML in two steps: `marked` turns it into HTML (raw HTML
 * included, as Markdown allows), then `sanitize-html` keeps only a short list of tags and
 * attributes. Whatever was typed, scripts, event handlers, styles and `javascript:` links do
 * not survive the second step, so the result can be put in a page as it is. Render once on
 * write and store the HTML where a page shows many (posts); render on read elsewhere.
 */

export interface RenderOptions {
  /**
   * The heading level a Markdown "#" becomes, so the page's own headings stay in order
   * (the page has its h1; text shown under an h2 starts at h3). Deeper levels follow, up to h6.
   */
  topHeading?: 2 | 3 | 4;
}

const markdown = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED_TAGS = [
  "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "hr",
  "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
  "table", "thead", "tbody", "tr", "th", "td",
];

function sanitise(html: string, topHeading: number): string {
  const shift = topHeading - 1;
  const heading = (level: number) => () => ({ tagName: `h${Math.min(6, level + shift)}`, attribs: {} });
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    // Links written by people are theirs, not the coalition's: search engines should not
    // count them, and the opened page gets no handle on this one.
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "nofollow ugc noopener" } }),
      h1: heading(1), h2: heading(2), h3: heading(3), h4: heading(4), h5: heading(5), h6: heading(6),
      // Images would load third-party content on every reader's phone: they stay links.
      img: (_tagName, attribs) => ({ tagName: "a", attribs: { href: attribs.src ?? "", rel: "nofollow ugc noopener" }, text: attribs.alt || attribs.src || "" }),
    },
    disallowedTagsMode: "discard",
  });
}

/** Markdown → HTML safe to render with dangerouslySetInnerHTML. */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const html = markdown.parse(source) as string;
  return sanitise(html, options.topHeading ?? 2).trim();
}

/** Markdown → plain text (for email excerpts and search): tags dropped, entities kept readable. */
export function markdownToText(source: string): string {
  const html = markdown.parse(source) as string;
  // marked ends every block with a line break already; <br> are the writer's own.
  const text = sanitizeHtml(html.replace(/<br\s*\/?>/g, "\n"), { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/\n{2,}/g, "\n").trim();
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}
