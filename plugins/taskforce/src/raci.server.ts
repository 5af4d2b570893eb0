// Types only: server.ts imports this file, and access.server.ts (which imports the manifest) would be a cycle.
import type { Db } from "./access.server.ts";
import { VIEWER_ROLES } from "./constants.ts";

/**
 * The people who hold roles given as rows of the matrix: the people named, and the people
 * of the organisations named (their memberships in this coalition, among those who see
 * taskforces). Each person once; two queries at most, however many organisations.
 */
export async function peopleHolding(db: Db, rows: readonly { userId: string | null; organisationId: string | null }[]): Promise<string[]> {
  const people = new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])));
  const organisationIds = [...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))];
  if (organisationIds.length) {
    const members = await db.membership.findMany({
      where: { organisationId: { in: organisationIds }, role: { in: [...VIEWER_ROLES] } },
      orderBy: { createdAt: "asc" },
      select: { userId: true },
    });
    for (const { userId } of members) people.add(userId);
  }
  return [...people];
}
