import { pageOfNumber } from "../threads/limits.ts";

/** A post's place: its thread's page that holds it, and the post's anchor there (as the thread pages link it). */
export function postPath(forumId: string, threadId: string, number: number): string {
  return `${forumId}/threads/${threadId}?page=${pageOfNumber(number)}#post-${number}`;
}

export function threadPath(forumId: string, threadId: string): string {
  return `${forumId}/threads/${threadId}`;
}

/**
 * A post's opening words for an email: Markdown marks, quoted lines and code dropped, one
 * line, at most `max` characters (cut at a word).
 */
export function excerptOf(markdown: string, max = 280): string {
  let fenced = false;
  const lines: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || /^\s{0,3}>/.test(line)) continue;
    lines.push(line);
  }
  const text = lines
    .join(" ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
