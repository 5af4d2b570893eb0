import { rolePermissions } from "@commons/plugin-sdk/server";
import type { Role } from "@commons/plugin-sdk";
import forums from "../../manifest.ts";
import type { Db } from "../access.server.ts";
import { PERMISSIONS } from "../constants.ts";
import { forumsWhereFor } from "../participants.server.ts";

/** A member of the coalition as notifications need them (the person a digest is for). */
export interface Reader {
  id: string;
  role: Role;
  organisationId: string | null;
}

function manages(role: Role): boolean {
  return role !== "STAKEHOLDER" && rolePermissions(role, [forums]).has(PERMISSIONS.manage);
}

/**
 * Which of `userIds` may enter the forum now, by the same rules as forumForPerson
 * (src/access.server.ts), for many people at once: two statements in parallel, whatever
 * their number. People who left the coalition are not found (the scoped client sees only
 * its memberships).
 */
export async function whoMayEnter(db: Db, forumId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const [memberships, forum] = await Promise.all([
    db.membership.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, role: true, organisationId: true } }),
    db.forum.findFirst({
      where: { id: forumId },
      // Organisation rows are few (a forum's member organisations), so all of them come along.
      select: { access: true, participants: { where: { OR: [{ userId: { in: [...userIds] } }, { organisationId: { not: null } }] }, select: { userId: true, organisationId: true, removedAt: true } } },
    }),
  ]);
  const allowed = new Set<string>();
  if (!forum) return allowed;
  const own = new Map(forum.participants.flatMap((p) => (p.userId ? [[p.userId, p] as const] : [])));
  const organisations = new Set(forum.participants.flatMap((p) => (p.organisationId && !p.removedAt ? [p.organisationId] : [])));
  for (const m of memberships) {
    const role = m.role as Role;
    const row = own.get(m.userId);
    const stakeholder = role === "STAKEHOLDER";
    let inside: boolean;
    if (manages(role)) inside = true;
    else if (row) inside = !row.removedAt;
    else if (stakeholder) inside = false;
    else inside = (!!m.organisationId && organisations.has(m.organisationId)) || forum.access === "OPEN";
    if (inside) allowed.add(m.userId);
  }
  return allowed;
}

/** The reader's membership in this coalition, or null when they are no longer a member. */
export async function readerOf(db: Db, userId: string): Promise<Reader | null> {
  const m = await db.membership.findFirst({ where: { userId }, select: { role: true, organisationId: true } });
  return m ? { id: userId, role: m.role as Role, organisationId: m.organisationId } : null;
}

/** The forums a reader may enter (the rule visibleForumsWhere applies to a signed-in person; a digest is built for someone who is not there). */
export function forumsOpenTo(reader: Reader) {
  return forumsWhereFor(reader, manages(reader.role));
}
