import type { Db } from "@commons/db";

/**
 * Summary figures shown on every coalition page ("80 member organisations"). Counting a
 * large membership on each view costs more than the rest of the page; a figure up to 30 s
 * old is fine. Filled inside the caller's tenant transaction, so row-level security still
 * decides what is counted; keys start with the tenant (SECURITY.md, caches).
 */
const TTL_MS = 30_000;
const cache = new Map<string, { value: number; at: number }>();

export async function organisationCount(db: Db, tenantId: string): Promise<number> {
  const key = `${tenantId}:organisations`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = await db.organisation.count();
  cache.set(key, { value, at: Date.now() });
  return value;
}
