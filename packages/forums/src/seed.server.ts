import type { SeedContext } from "@commons/plugin-sdk/server";
// Types only: the server entry imports the seed, and the manifest imports the server entry.
import type { settings } from "./settings.ts";
import { participantsOf } from "./access.server.ts";
import { seedForumDecisions } from "./decisions/seed.server.ts";
import { seedForumThreads } from "./threads/seed.server.ts";

type Ctx = SeedContext<typeof settings>;
type Member = Ctx["members"][number];

export const DEMO_FORUM_NAME = "Extractives multi-stakeholder group";

const RULES = `## How we work together

1. **Speak for whom you represent.** Members speak for their organisation, stakeholders for their office, company or community. Say so when you speak for yourself.
2. **Respect and good faith.** Criticise positions, not people. No personal attacks; moderators hide posts that break this rule and tell the author why.
3. **Confidentiality.** Discussions stay in the forum. Decisions and meeting minutes are published in the public record.
4. **Decisions.** Proposals are decided by the rule shown on each proposal: one organisation, one vote; a quorum of half the member organisations; two thirds of the votes cast to adopt. One principled block stops a proposal.
5. **Follow-up.** Action points name who is responsible and by when, and are reviewed at the next meeting.`;

/** What the demo stakeholders speak for, by their demo names (others get a plain label). */
const AFFILIATIONS: Record<string, string> = {
  "Ramon Castillo": "Government office: Regional mines office, Caraga",
  "Teresa Lim": "Company: Northern Ridge Nickel Corp., community relations",
};

/** What the threads and decisions seeds are handed: the demo forum and who is in it. */
export interface SeededForum {
  forumId: string;
  /** The secretariat person who created it (and moderates as a manager). */
  createdById: string;
  /** The member named moderator in person, if there was one to name. */
  moderatorId: string | null;
  organisationIds: string[];
  stakeholderIds: string[];
}

/**
 * The spaces area's demo data: one multi-stakeholder forum in the demo coalition, as the
 * settings and participants pages would have made it — member organisations, a moderator in
 * person, the government and company stakeholders with their affiliations, rules accepted by
 * everyone in it, the record public. A coalition without a secretariat or organisations
 * (the harness's) gets nothing.
 */
export async function seedSpaces({ db, tenantId, members, log }: Ctx): Promise<SeededForum | null> {
  const owner = members.find((m) => m.role === "SECRETARIAT_STAFF") ?? members.find((m) => m.role === "SECRETARIAT_ADMIN");
  // The organisations of the demo's focal points and members first (people to sign in as), then others, up to eight.
  const withPeople = [...new Set(members.flatMap((m) => (m.role !== "STAKEHOLDER" && m.organisationId ? [m.organisationId] : [])))];
  if (!owner || !withPeople.length) {
    log.info("forums: no secretariat or member organisations; no demo forum");
    return null;
  }
  if (await db.forum.findFirst({ where: { name: DEMO_FORUM_NAME }, select: { id: true } })) return null;
  const organisationIds = withPeople.slice(0, 8);
  // The demo has a government and a company stakeholder; further stakeholders stay out, to show a stakeholder sees nothing.
  const stakeholders = members.filter((m) => m.role === "STAKEHOLDER").slice(0, 2);
  const moderator: Member | undefined = members.find((m) => m.role === "FOCAL_POINT" && m.organisationId && organisationIds.includes(m.organisationId));

  const forum = await db.forum.create({
    data: {
      tenantId,
      name: DEMO_FORUM_NAME,
      purpose: "Members, government offices and mining companies agree on disclosure, community monitoring and follow-up of extractive projects, and record who does what.",
      rules: RULES,
      access: "INVITATION",
      publicRecord: true,
      participantsPropose: true,
      voteUnit: "ORGANISATION",
      quorumPercent: 50,
      thresholdPercent: 67,
      blocksStop: true,
      stakeholdersVote: false,
      publicVotes: true,
      votingDays: 7,
      createdById: owner.userId,
    },
    select: { id: true },
  });
  await db.forumParticipant.createMany({
    data: [
      ...organisationIds.map((organisationId) => ({ tenantId, forumId: forum.id, organisationId, addedById: owner.userId })),
      ...(moderator ? [{ tenantId, forumId: forum.id, userId: moderator.userId, role: "MODERATOR" as const, addedById: owner.userId }] : []),
      ...stakeholders.map((s) => ({ tenantId, forumId: forum.id, userId: s.userId, affiliation: AFFILIATIONS[s.name] ?? "Stakeholder", addedById: owner.userId })),
    ],
  });
  // Everyone in it, and the secretariat, has accepted the rules (version 1).
  const inForum = await participantsOf(db, forum.id);
  const secretariat = members.filter((m) => m.role === "SECRETARIAT_ADMIN" || m.role === "SECRETARIAT_STAFF").map((m) => m.userId);
  const accepted = [...new Set([...inForum.map((p) => p.userId), ...secretariat])];
  await db.forumRulesAcceptance.createMany({ data: accepted.map((userId) => ({ tenantId, forumId: forum.id, userId, rulesVersion: 1 })), skipDuplicates: true });
  log.info("forums: demo forum seeded", { forumId: forum.id, organisations: organisationIds.length, stakeholders: stakeholders.length, people: accepted.length });
  return { forumId: forum.id, createdById: owner.userId, moderatorId: moderator?.userId ?? null, organisationIds, stakeholderIds: stakeholders.map((s) => s.userId) };
}

/**
 * The module's demo seed: the spaces area's forum, then each area's content in it
 * (decisions: meetings with minutes, a decided proposal; threads: discussions with a quote and mentions).
 */
export async function seedForums(ctx: Ctx): Promise<void> {
  const forum = await seedSpaces(ctx);
  if (!forum) return;
  await seedForumDecisions(ctx, forum.forumId);
  await seedForumThreads(ctx, forum);
}
