import { z } from "zod";
import { renderMarkdown } from "@commons/markdown";
import type { Db, ForumEntry } from "../access.server.ts";
import type { DecisionsT } from "./i18n.ts";
import { ABSTAIN, CONSENT_CHOICES } from "./outcome.ts";
import { fromLocalInput } from "./time.ts";
import { voterKey, type Voter, type VotingRule } from "./electorate.server.ts";

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const CHOICES_MAX = 10;

/** Managers and moderators always table proposals; other participants where the forum allows. */
export function mayTable(entry: ForumEntry): boolean {
  return entry.canModerate || entry.forum.participantsPropose;
}

/** The proposal form's schema, its messages in the person's language. `now` is the request's time. */
export function proposalSchema(t: DecisionsT, zone: string, now: Date) {
  // Every field is checked in one pass, so a form with several mistakes shows them all at once.
  return z
    .object({
      title: z.string().default(""),
      body: z.string().default(""),
      options: z.enum(["CONSENT", "CHOICE"], t("forums.decisions.proposal.error.options")),
      choices: z.string().max(5_000).default(""),
      opens: z.enum(["now", "at"], t("forums.decisions.proposal.error.opens")),
      opensAt: z.string().max(40).default(""),
      closesAt: z.string().max(40).default(""),
    })
    .transform((raw, ctx) => {
      const form = { ...raw, title: raw.title.trim(), body: raw.body.trim() };
      if (!form.title) ctx.addIssue({ code: "custom", path: ["title"], message: t("forums.decisions.proposal.error.title") });
      else if (form.title.length > TITLE_MAX) ctx.addIssue({ code: "custom", path: ["title"], message: t("forums.decisions.proposal.error.titleLong", { max: TITLE_MAX }) });
      if (!form.body) ctx.addIssue({ code: "custom", path: ["body"], message: t("forums.decisions.proposal.error.body") });
      else if (form.body.length > BODY_MAX) ctx.addIssue({ code: "custom", path: ["body"], message: t("forums.decisions.proposal.error.bodyLong", { max: BODY_MAX }) });
      const choices = [...new Set(form.choices.split(/\r?\n/).map((c) => c.trim()).filter(Boolean))];
      if (form.options === "CHOICE") {
        if (choices.length < 2 || choices.length > CHOICES_MAX) ctx.addIssue({ code: "custom", path: ["choices"], message: t("forums.decisions.proposal.error.choices", { max: CHOICES_MAX }) });
        else if (choices.some((c) => c.length > 200)) ctx.addIssue({ code: "custom", path: ["choices"], message: t("forums.decisions.proposal.error.choiceLong") });
        else if (choices.some((c) => c.toLowerCase() === ABSTAIN)) ctx.addIssue({ code: "custom", path: ["choices"], message: t("forums.decisions.proposal.error.choiceAbstain") });
      }
      const opensAt = form.opens === "now" ? now : fromLocalInput(form.opensAt, zone);
      if (!opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: t("forums.decisions.proposal.error.opensAt") });
      const closesAt = fromLocalInput(form.closesAt, zone);
      if (!closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: t("forums.decisions.proposal.error.closesAt") });
      else if (closesAt <= now) ctx.addIssue({ code: "custom", path: ["closesAt"], message: t("forums.decisions.proposal.error.closesPast") });
      else if (opensAt && closesAt <= opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: t("forums.decisions.proposal.error.closesBeforeOpens") });
      return { title: form.title, body: form.body, options: form.options, choices: form.options === "CHOICE" ? choices : [], opensAt: opensAt ?? now, closesAt: closesAt ?? now };
    });
}

export type ProposalInput = z.infer<ReturnType<typeof proposalSchema>>;

/** Tables a proposal with the forum's decision rule copied onto it: later changes to the forum's rule do not touch it. */
export function tableProposal(db: Db, tenantId: string, entry: ForumEntry, authorId: string, input: ProposalInput) {
  const f = entry.forum;
  return db.forumProposal.create({
    data: {
      tenantId,
      forumId: f.id,
      title: input.title,
      body: input.body,
      bodyHtml: renderMarkdown(input.body, { topHeading: 2 }),
      authorId,
      voteUnit: f.voteUnit,
      options: input.options,
      choices: input.choices,
      quorumPercent: f.quorumPercent,
      thresholdPercent: f.thresholdPercent,
      blocksStop: f.blocksStop,
      stakeholdersVote: f.stakeholdersVote,
      publicVotes: f.publicVotes,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
    },
    select: { id: true },
  });
}

/** The values a vote may take on a proposal: consent's four, or the choices and abstain. */
export function ballotValues(proposal: { options: "CONSENT" | "CHOICE"; choices: readonly string[] }): string[] {
  return proposal.options === "CONSENT" ? [...CONSENT_CHOICES] : [...proposal.choices, ABSTAIN];
}

export type WindowState = "notOpen" | "open" | "closed";

export function windowState(proposal: { opensAt: Date; closesAt: Date }, now: Date): WindowState {
  if (now < proposal.opensAt) return "notOpen";
  return now < proposal.closesAt ? "open" : "closed";
}

export type VoteRefusal =
  | { reason: "notEligible" | "notOpen" | "closed" | "badChoice" }
  | { reason: "alreadyVoted"; at: Date }
  | { reason: "organisationVoted"; by: string; at: Date };

/**
 * Casts one vote. The unique (proposal, voterKey) key decides a race: the insert does
 * nothing when the voter already voted (ON CONFLICT DO NOTHING, so the transaction stays
 * usable), and the vote that is there is read back to say who cast it and when.
 * A vote is final: a second one, by the same person or another of their organisation, is
 * refused (the proposal page says so before anyone votes).
 */
export async function castVote(
  db: Db,
  tenantId: string,
  proposal: { id: string; options: "CONSENT" | "CHOICE"; choices: readonly string[]; opensAt: Date; closesAt: Date; status: string } & VotingRule,
  voter: Voter | undefined,
  choice: string,
  now: Date,
): Promise<{ ok: true } | ({ ok: false } & VoteRefusal)> {
  const key = voter ? voterKey(proposal, voter) : null;
  if (!voter || !key) return { ok: false, reason: "notEligible" };
  const state = proposal.status === "DECIDED" ? "closed" : windowState(proposal, now);
  if (state !== "open") return { ok: false, reason: state };
  if (!ballotValues(proposal).includes(choice)) return { ok: false, reason: "badChoice" };
  const inserted = await db.forumVote.createMany({
    data: [{ tenantId, proposalId: proposal.id, voterKey: key, userId: voter.userId, organisationId: key.startsWith("org:") ? voter.organisationId : null, choice }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return { ok: true };
  const existing = await db.forumVote.findFirst({ where: { proposalId: proposal.id, voterKey: key }, select: { userId: true, createdAt: true } });
  if (!existing || existing.userId === voter.userId) return { ok: false, reason: "alreadyVoted", at: existing?.createdAt ?? now };
  const by = await db.membership.findFirst({ where: { userId: existing.userId }, select: { user: { select: { name: true } } } });
  return { ok: false, reason: "organisationVoted", by: by?.user.name ?? "", at: existing.createdAt };
}

/** Votes per value, counted in SQL. */
export async function countVotes(db: Db, proposalId: string): Promise<Record<string, number>> {
  const groups = await db.forumVote.groupBy({ by: ["choice"], where: { proposalId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.choice, g._count._all]));
}

/**
 * For a proposal whose votes are secret: votes per value (when `counted`) and the vote cast
 * under `voterKey` (the person's own, or their organisation's), in one statement.
 */
export async function secretTally(
  db: Db,
  where: { tenantId: string; proposalId: string; voterKey: string | null; counted: boolean },
): Promise<{ votes: Record<string, number> | null; own: { userId: string; choice: string; createdAt: Date } | null }> {
  const { tenantId, proposalId, voterKey: key, counted } = where;
  if (!counted && !key) return { votes: null, own: null };
  const rows = await db.$queryRaw<{ own: boolean; choice: string; votes: number; userId: string | null; createdAt: Date | null }[]>`
    SELECT false AS own, choice, count(*)::int AS votes, NULL::uuid AS "userId", NULL::timestamp(3) AS "createdAt"
    FROM forum_votes
    WHERE ${counted} AND tenant_id = ${tenantId}::uuid AND proposal_id = ${proposalId}::uuid
    GROUP BY choice
    UNION ALL
    SELECT true, choice, 1, user_id, created_at
    FROM forum_votes
    WHERE tenant_id = ${tenantId}::uuid AND proposal_id = ${proposalId}::uuid AND voter_key = ${key}`;
  const mine = rows.find((r) => r.own);
  return {
    votes: counted ? Object.fromEntries(rows.filter((r) => !r.own).map((r) => [r.choice, r.votes])) : null,
    own: mine ? { userId: mine.userId!, choice: mine.choice, createdAt: mine.createdAt! } : null,
  };
}
