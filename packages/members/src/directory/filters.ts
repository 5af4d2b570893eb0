/**
 * The directory's filters as they travel in a URL: shared by the page (links, the form)
 * and the server (the query). Nothing here touches the database.
 */
export const FACETS = ["region", "sector", "theme", "type", "language"] as const;
export type Facet = (typeof FACETS)[number];

export interface DirectoryFilters {
  q: string;
  region: string;
  sector: string;
  theme: string;
  type: string;
  language: string;
}

const MAX_FILTER = 200;
const MAX_PAGE = 10_000;

function param(params: URLSearchParams, name: string): string {
  return (params.get(name) ?? "").trim().slice(0, MAX_FILTER);
}

/** The filters in a URL's query string; anything odd is just text, never an error. */
export function parseFilters(url: URL): DirectoryFilters {
  const p = url.searchParams;
  return { q: param(p, "q"), region: param(p, "region"), sector: param(p, "sector"), theme: param(p, "theme"), type: param(p, "type"), language: param(p, "language") };
}

export function parsePage(url: URL): number {
  const page = Number(url.searchParams.get("page") ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
}

/** The query string for these filters (and a page), empty values left out. */
export function filterQuery(filters: DirectoryFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value === "" || (key === "page" && String(value) === "1")) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The words of a search as a prefix-matching tsquery ("mine wat" → "mine:* & wat:*").
 * Only runs of letters and digits survive, so nothing typed can be tsquery syntax
 * (& | ! ( ) : * ' and the rest are separators). Null when nothing is left to search for.
 */
export function prefixQuery(q: string): string | null {
  const words = (q.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((w) => w.slice(0, 60));
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

