import { PAGE_SIZE } from "../constants.ts";
import { isUuid, type Db } from "./access.server.ts";

/** Hand-picked audiences stay a list one can read; larger ones are better described by filters. */
export const MAX_PICKED = 500;

/** A page of active organisations whose name or acronym contains `q` (two statements: the page and the count). */
export async function searchOrganisations(db: Db, q: string, page: number) {
  const where = {
    status: "ACTIVE" as const,
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { acronym: { contains: q, mode: "insensitive" as const } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.organisation.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { id: true, name: true, acronym: true, region: true } }),
    db.organisation.count({ where }),
  ]);
  return { rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/**
 * The new hand-picked list after a page of checkboxes is saved: the organisations shown on
 * that page are replaced by those ticked among them; the others chosen stay. Only active
 * organisations of this coalition count, whatever ids the form carries.
 */
export async function pickedAfterSave(db: Db, before: readonly string[], shown: readonly string[], ticked: readonly string[]): Promise<string[]> {
  const onPage = new Set(shown.filter(isUuid).map((id) => id.toLowerCase()));
  const wanted = ticked.filter(isUuid).map((id) => id.toLowerCase()).filter((id) => onPage.has(id));
  const valid = wanted.length ? await db.organisation.findMany({ where: { id: { in: wanted }, status: "ACTIVE" }, select: { id: true } }) : [];
  const kept = before.filter((id) => !onPage.has(id));
  return [...new Set([...kept, ...valid.map((o) => o.id)])];
}
