/**
 * @mentions in a post. The syntax is `@` followed by a participant's full name as the
 * portal shows it (`@Maria Santos`), matched case-insensitively against the names of the
 * forum's participants; when two names share a start (`@Ana Cruz` and `@Ana Cruz Reyes`) the
 * longest one that fits wins. The name must end at a space, punctuation or the end of the
 * text, so `@Ana Cruzado` mentions nobody called Ana Cruz. Nothing needs JavaScript: people
 * type the name. Mentions inside quoted lines (`> …`) and code (`` `…` ``, fenced blocks)
 * are ignored, so quoting a post does not mention its people a second time.
 */
export interface MentionCandidate {
  userId: string;
  name: string;
}

/** The ids of the participants `body` mentions, each once, in the order they first appear. */
export function findMentions(body: string, participants: readonly MentionCandidate[]): string[] {
  if (!body.includes("@") || participants.length === 0) return [];
  const text = mentionableText(body);
  // Longest names first, so "@Ana Cruz Reyes" is not taken for "@Ana Cruz".
  const names = participants
    .map((p) => ({ userId: p.userId, name: normalise(p.name) }))
    .filter((p) => p.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const lower = normalise(text);
  const found: string[] = [];
  const seen = new Set<string>();
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    // "name@example.org" is an address, not a mention.
    if (at > 0 && /[\p{L}\p{N}_.]/u.test(lower[at - 1]!)) continue;
    const rest = lower.slice(at + 1);
    const match = names.find((p) => rest.startsWith(p.name) && !/^[\p{L}\p{N}_-]/u.test(rest.slice(p.name.length)));
    if (match && !seen.has(match.userId)) {
      seen.add(match.userId);
      found.push(match.userId);
    }
  }
  return found;
}

/** Lower case, one space between words (names typed with two spaces still match). */
function normalise(value: string): string {
  return value.toLocaleLowerCase("en").replace(/\s+/g, " ").trim();
}

/** The body without quoted lines, fenced code blocks and inline code. */
function mentionableText(body: string): string {
  const lines: string[] = [];
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || /^\s{0,3}>/.test(line)) continue;
    lines.push(line.replace(/`[^`]*`/g, " "));
  }
  return lines.join("\n");
}
