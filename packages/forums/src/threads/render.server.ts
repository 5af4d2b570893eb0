import { renderMarkdown } from "@commons/markdown";

/**
 * A post's HTML, rendered once when it is written (and again on each edit) so a thread page
 * only reads stored HTML. The renderer sanitises: raw HTML, scripts, event attributes and
 * javascript: links come out inert, and links get rel="nofollow ugc".
 */
export function renderPost(body: string): string {
  return renderMarkdown(body);
}
