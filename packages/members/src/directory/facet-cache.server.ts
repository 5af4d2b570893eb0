/**
 * The directory's facet counts, kept for a short while per coalition and filter set.
 *
 * Counting every filter's options means reading every organisation of the coalition that
 * matches the search: cheap at 80, the bulk of a request at 10,000. The counts change
 * only when organisations do, so a page asked for again within TTL_MS reuses them. The
 * list of organisations itself is always read fresh.
 *
 * What is kept: numbers per option, computed inside the coalition's own transaction, the
 * same for everyone who may see the directory (members and a public directory's visitors
 * see the same organisations). Keys start with the coalition's id, so one coalition's
 * counts can never answer another's. Editing a profile here forgets the coalition's
 * entries at once; other changes (an import, a status change in another process) show
 * within TTL_MS.
 */
export interface FacetCountRow {
  facet: string;
  value: string | null;
  n: number;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

const entries = new Map<string, { at: number; rows: FacetCountRow[] }>();

export async function cachedFacetCounts(tenantId: string, filterKey: string, compute: () => Promise<FacetCountRow[]>): Promise<FacetCountRow[]> {
  const key = `${tenantId}\u0000${filterKey}`;
  const hit = entries.get(key);
  const now = Date.now();
  if (hit && now - hit.at < TTL_MS) {
    // Most recently used last, so the oldest goes first when the map is full.
    entries.delete(key);
    entries.set(key, hit);
    return hit.rows;
  }
  const rows = await compute();
  entries.delete(key);
  entries.set(key, { at: now, rows });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return rows;
}

/** Forgets a coalition's counts (after a change to its organisations). */
export function forgetFacetCounts(tenantId: string): void {
  for (const key of entries.keys()) if (key.startsWith(`${tenantId}\u0000`)) entries.delete(key);
}
