// Not access.server.ts: the server entry (jobs, subscribers) imports this file, and
// access.server.ts imports the manifest, which imports the server entry (a cycle).
import type { Db } from "../access.server.ts";
import { participantsOf, type ForumPerson } from "../participants.server.ts";

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
 * The people in a forum, as voters and as those told of a decision: participantsOf's rule
 * (one statement), ordered by name.
 */
export async function forumPeople(db: Db, forumId: string): Promise<Voter[]> {
  return (await participantsOf(db, forumId)).map((p) => ({ userId: p.userId, organisationId: p.organisationId, stakeholder: p.stakeholder }));
}

export interface Electorate {
  /** Every voter key the rule counts (organisations or people). */
  keys: Set<string>;
  people: Voter[];
}

/** The eligible voters of a forum under a rule: its people, stakeholders only when the rule includes them. */
export async function electorate(db: Db, forumId: string, rule: VotingRule): Promise<Electorate> {
  const people = await forumPeople(db, forumId);
  const keys = new Set<string>();
  for (const p of people) {
    const key = voterKey(rule, p);
    if (key) keys.add(key);
  }
  return { keys, people };
}
