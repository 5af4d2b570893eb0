/** Limits of the threads area, shared by the pages (said next to the fields) and the server (enforced). */

/** The longest post accepted, in characters. */
export const POST_MAX = 20_000;
export const TITLE_MIN = 3;
export const TITLE_MAX = 150;
/** Posts per thread page: page p holds numbers (p-1)*50+1 … p*50, one range of the unique index. */
export const POSTS_PER_PAGE = 50;
export const THREADS_PER_PAGE = 25;
/** Files one post may carry. */
export const MAX_FILES = 5;
export const REASON_MAX = 1000;

/** The page of a thread that holds post `number`. */
export function pageOfNumber(number: number): number {
  return Math.max(1, Math.ceil(number / POSTS_PER_PAGE));
}
