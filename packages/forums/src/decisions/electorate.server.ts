// Types only: the server entry (jobs, subscribers) imports this file, and access.server.ts
// imports the manifest, which imports the server entry: a value import would be a cycle.
import type { Db, ForumPerson } from "../access.server.ts";

/** The part of a decision rule that says who votes. */
export interface VotingRule {
  voteUnit: "ORGANISATION" | "PERSON";
  stakeholdersVote: boolean;
}

/**
 * The vote a person casts under a rule: "org:<id>" for a member of an organisation under
 * one-organisation-one-vote (any of its people may cast it, once), "user:<id>" otherwise.
 * A stakeholder votes only where the rule includes stakeholders, always in person (they
 * speak for their office or company, not for a member organisation). Null: not a voter.
 */
export function voterKey(rule: VotingRule, person: Pick<ForumPerson, "userId" | "organisationId" | "stakeholder">): string | null {
  if (person.stakeholder) return rule.stakeholdersVote ? `user:${person.userId}` : null;
  if (rule.voteUnit === "ORGANISATION" && person.organisationId) return `org:${person.organisationId}`;
  return `user:${person.userId}`;
}

export type Voter = Pick<ForumPerson, "userId" | "organisationId" | "stakeholder">;

/**
 * The people in a forum, as voters and as those told of a decision. The same rule as
 * participantsOf in access.server.ts (which this file may not import, see above): people of
 * participant organisations, participant people, every member of an OPEN forum; stakeholders
 * only through their own row; people removed in person are out; managers who are not
 * participants are not in. Two statements when the forum's access is known, three otherwise.
 */
export async function forumPeople(db: Db, forumId: string, known?: { access: "OPEN" | "INVITATION" }): Promise<Voter[]> {
  // A page has the forum already (its access check read it): then the participants are one statement.
  const access = known?.access ?? (await db.forum.findFirst({ where: { id: forumId }, select: { access: true } }))?.access;
  if (!access) return [];
  const participants = await db.forumParticipant.findMany({ where: { forumId }, select: { userId: true, organisationId: true, removedAt: true } });
  const forum = { access, participants };
  const removed = new Set(forum.participants.flatMap((p) => (p.removedAt && p.userId ? [p.userId] : [])));
  const live = forum.participants.filter((p) => !p.removedAt);
  const own = new Set(live.flatMap((p) => (p.userId ? [p.userId] : [])));
  const organisations = [...new Set(live.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
  const members = forum.access === "OPEN" ? [{ role: { not: "STAKEHOLDER" as const } }] : organisations.length ? [{ organisationId: { in: organisations }, role: { not: "STAKEHOLDER" as const } }] : [];
  const memberships = await db.membership.findMany({
    where: { OR: [{ userId: { in: [...own] } }, ...members] },
    orderBy: { userId: "asc" },
    select: { userId: true, role: true, organisationId: true },
  });
  const people: Voter[] = [];
  for (const m of memberships) {
    const stakeholder = m.role === "STAKEHOLDER";
    if (removed.has(m.userId) || (stakeholder && !own.has(m.userId))) continue;
    people.push({ userId: m.userId, organisationId: stakeholder ? null : m.organisationId, stakeholder });
  }
  return people;
}

export interface Electorate {
  /** Every voter key the rule counts (organisations or people). */
  keys: Set<string>;
  people: Voter[];
}

/** The eligible voters of a forum under a rule: its people, stakeholders only when the rule includes them. */
export async function electorate(db: Db, forumId: string, rule: VotingRule, known?: { access: "OPEN" | "INVITATION" }): Promise<Electorate> {
  const people = await forumPeople(db, forumId, known);
  const keys = new Set<string>();
  for (const p of people) {
    const key = voterKey(rule, p);
    if (key) keys.add(key);
  }
  return { keys, people };
}
