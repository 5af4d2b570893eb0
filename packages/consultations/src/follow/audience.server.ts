import type { Db } from "./access.server.ts";

/** A recipient's key, split: "org:<uuid>" or "user:<uuid>". */
export function parseRespondentKey(key: string): { organisationId: string } | { userId: string } | null {
  const [kind, id] = key.split(":");
  if (!id) return null;
  if (kind === "org") return { organisationId: id };
  if (kind === "user") return { userId: id };
  return null;
}

/**
 * The people to email for a set of recipient keys, each once. People asked themselves are
 * emailed; for an organisation, `reach` decides: "focal" emails its focal points (they answer
 * for it), or everyone in it when it has no focal point, so no organisation goes unreached;
 * "everyone" emails all its people. Two statements at most, whatever the number of recipients.
 */
export async function peopleToEmail(db: Db, keys: readonly string[], reach: "focal" | "everyone"): Promise<string[]> {
  const people = new Set<string>();
  const organisations = new Set<string>();
  for (const key of keys) {
    const parsed = parseRespondentKey(key);
    if (!parsed) continue;
    if ("userId" in parsed) people.add(parsed.userId);
    else organisations.add(parsed.organisationId);
  }
  if (organisations.size) {
    const memberships = await db.membership.findMany({
      // Stakeholders answer for themselves (as person recipients), never for an organisation.
      where: { organisationId: { in: [...organisations] }, role: { not: "STAKEHOLDER" } },
      orderBy: { createdAt: "asc" },
      select: { userId: true, organisationId: true, role: true },
    });
    const focal = new Set(memberships.filter((m) => m.role === "FOCAL_POINT").map((m) => m.organisationId));
    for (const m of memberships) {
      if (reach === "everyone" || m.role === "FOCAL_POINT" || !focal.has(m.organisationId)) people.add(m.userId);
    }
  }
  return [...people];
}
