// Types only from access.server.ts: the server entry (jobs, subscribers) imports this file
// through the decisions area, and access.server.ts imports the manifest, which imports the
// server entry: a value import would be a cycle.
import type { Db } from "./access.server.ts";

/** Someone who is in a forum, as mentions, digests and eligible voters need them. */
export interface ForumPerson {
  userId: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  /** A STAKEHOLDER: votes only where the decision rule includes stakeholders. */
  stakeholder: boolean;
  moderator: boolean;
  /** For stakeholders: the office, company, donor or community they speak for. */
  affiliation: string;
  /** How they are in: their own row, their organisation's, or the forum being OPEN. */
  through: "person" | "organisation" | "open";
}

interface PersonRow {
  userId: string;
  name: string;
  stakeholder: boolean;
  organisationId: string | null;
  organisationName: string | null;
  ownRole: "PARTICIPANT" | "MODERATOR" | null;
  affiliation: string | null;
  viaOrganisation: boolean;
}

/**
 * The people who are in a forum: participant people, the people of participant
 * organisations, and (OPEN forums) every member who is not a stakeholder; stakeholders only
 * through their own row; people removed in person are out. Managers who are not participants
 * are not listed. One statement (the forum, its rows and the memberships they expand to, with
 * names), row-level security and an explicit filter keeping it to this coalition. Ordered by name.
 */
export async function participantsOf(db: Db, forumId: string): Promise<ForumPerson[]> {
  const rows = await db.$queryRaw<PersonRow[]>`
    WITH forum AS (
      SELECT id, tenant_id, access FROM forums
      WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND id = ${forumId}::uuid
    ), seats AS (
      SELECT p.user_id, p.organisation_id, p.role, p.affiliation, p.removed_at
      FROM forum_participants p JOIN forum ON p.tenant_id = forum.tenant_id AND p.forum_id = forum.id
    )
    SELECT m.user_id AS "userId", u.name, m.role = 'STAKEHOLDER' AS stakeholder,
           m.organisation_id AS "organisationId", o.name AS "organisationName",
           own.role::text AS "ownRole", own.affiliation,
           EXISTS (SELECT 1 FROM seats s WHERE s.organisation_id = m.organisation_id AND s.removed_at IS NULL) AS "viaOrganisation"
    FROM forum
    JOIN memberships m ON m.tenant_id = forum.tenant_id
    JOIN users u ON u.id = m.user_id
    LEFT JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
    LEFT JOIN seats own ON own.user_id = m.user_id
    WHERE own.removed_at IS NULL
      AND (own.user_id IS NOT NULL
        OR (m.role <> 'STAKEHOLDER' AND (forum.access = 'OPEN' OR EXISTS (SELECT 1 FROM seats s WHERE s.organisation_id = m.organisation_id AND s.removed_at IS NULL))))
    ORDER BY u.name, m.user_id`;
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    // A stakeholder speaks for their office or company, not for a member organisation.
    organisationId: r.stakeholder ? null : r.organisationId,
    organisationName: r.stakeholder ? null : r.organisationName,
    stakeholder: r.stakeholder,
    moderator: r.ownRole === "MODERATOR",
    affiliation: r.affiliation ?? "",
    through: r.ownRole ? "person" : r.organisationId && r.viaOrganisation ? "organisation" : "open",
  }));
}

export interface Names {
  people: Map<string, string>;
  organisations: Map<string, string>;
}

/**
 * Names of people (through this coalition's memberships only) and of organisations, by id.
 * One statement, none when there is nothing to name.
 */
export async function namesIn(db: Db, userIds: Iterable<string>, organisationIds: Iterable<string> = []): Promise<Names> {
  const people = [...new Set(userIds)];
  const organisations = [...new Set(organisationIds)];
  if (!people.length && !organisations.length) return { people: new Map(), organisations: new Map() };
  const rows = await db.$queryRaw<{ person: boolean; id: string; name: string }[]>`
    SELECT true AS person, m.user_id AS id, u.name
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND m.user_id = ANY(${people}::uuid[])
    UNION ALL
    SELECT false, o.id, o.name FROM organisations o
    WHERE o.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND o.id = ANY(${organisations}::uuid[])`;
  return {
    people: new Map(rows.flatMap((r) => (r.person ? [[r.id, r.name] as const] : []))),
    organisations: new Map(rows.flatMap((r) => (r.person ? [] : [[r.id, r.name] as const]))),
  };
}

/**
 * The forums someone may enter, as a filter on Forum — the rule of forumForPerson for a
 * list: managers all; stakeholders only where they are a participant in person; members
 * where they or their organisation take part, or the forum is open, unless they were
 * removed in person. Pages (visibleForumsWhere) and digests (forumsOpenTo) both use it.
 */
export function forumsWhereFor(person: { id: string; role: string; organisationId: string | null }, manages: boolean) {
  if (manages) return {};
  const ownRow = { participants: { some: { userId: person.id, removedAt: null } } };
  if (person.role === "STAKEHOLDER") return ownRow;
  const ways: object[] = [ownRow, { access: "OPEN" as const }];
  if (person.organisationId) ways.push({ participants: { some: { organisationId: person.organisationId, removedAt: null } } });
  return { AND: [{ participants: { none: { userId: person.id, removedAt: { not: null } } } }, { OR: ways }] };
}
