/** One commitment of a closing statement: what will be done, and where to follow it. */
export interface Commitment {
  text: string;
  url: string | null;
}

export const COMMITMENTS_MAX = 30;

const LINK = /^https?:\/\/\S+$/i;

/**
 * The commitments as written, one per line: "text" or "text | https://link". Blank lines
 * are skipped. `bad` lists the lines (1-based) whose link is not an http(s) address.
 */
export function parseCommitments(source: string): { commitments: Commitment[]; bad: number[] } {
  const commitments: Commitment[] = [];
  const bad: number[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const bar = line.lastIndexOf("|");
    const text = (bar === -1 ? line : line.slice(0, bar)).trim();
    const url = bar === -1 ? "" : line.slice(bar + 1).trim();
    if (url && !LINK.test(url)) bad.push(i + 1);
    commitments.push({ text: text || url, url: url && LINK.test(url) ? url : null });
  });
  return { commitments, bad };
}
