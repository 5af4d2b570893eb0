import { notFound } from "@commons/plugin-sdk/server";
import { LISTED_STATUSES, seesContacts, type Db, type Viewer } from "./access.server.ts";

/**
 * An organisation of this coalition as this viewer may see it, or 404. The directory
 * shows active and suspended ones; the secretariat also reaches applicants and those who
 * left (to change their status), and an organisation's own people always reach their own.
 */
export async function findViewableOrganisation(db: Db, viewer: Viewer, id: string) {
  const organisation = await db.organisation.findFirst({ where: { id } });
  if (!organisation) throw notFound();
  const listed = (LISTED_STATUSES as readonly string[]).includes(organisation.status);
  if (!listed && viewer.level !== "manager" && !(viewer.level === "member" && viewer.person?.organisationId === id)) throw notFound();
  return organisation;
}

const ROLE_ORDER = ["FOCAL_POINT", "SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "MEMBER", "STAKEHOLDER"];

/** How many people a profile lists (an organisation with more is rare; the people pages page them). */
export const PROFILE_PEOPLE = 200;

/**
 * The organisation's people in this coalition. Visitors of a public directory see none;
 * members see names, positions and roles; the secretariat and the organisation's own
 * people also see emails and phones.
 */
export async function organisationPeople(db: Db, viewer: Viewer, organisationId: string) {
  if (viewer.level === "public") return [];
  const contacts = seesContacts(viewer, organisationId);
  const rows = await db.membership.findMany({
    where: { organisationId },
    take: PROFILE_PEOPLE,
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    select: { id: true, role: true, title: true, user: { select: { name: true, email: true, phone: true } } },
  });
  return rows
    .map((m) => ({ id: m.id, role: m.role, name: m.user.name, title: m.title, email: contacts ? m.user.email : null, phone: contacts ? m.user.phone : null }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

/** The status history, newest first: only the secretariat and the organisation itself. */
export async function statusHistory(db: Db, viewer: Viewer, organisationId: string) {
  if (!seesContacts(viewer, organisationId)) return null;
  const rows = await db.membersStatusChange.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, fromStatus: true, toStatus: true, reason: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
