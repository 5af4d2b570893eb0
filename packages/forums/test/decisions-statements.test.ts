import { afterAll, beforeAll, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import { loader as recordLoader } from "../routes/decisions/record.tsx";
import { loader as proposalLoader } from "../routes/decisions/proposal.tsx";
import { loader as meetingLoader } from "../routes/decisions/meeting.tsx";
import { loader as meetingsLoader } from "../routes/decisions/meetings.tsx";
import { forumFixture, type ForumFixture } from "./helpers.ts";
import { counted } from "./sql-statements.ts";

useTestDatabase();

let h: PluginHarness;
let f: ForumFixture;
let proposalId: string;
let secretProposalId: string;
let meetingId: string;
const ORGANISATIONS = 60;

/** A forum of 60 more organisations, 40 decided proposals with public votes, 30 meetings with minutes and 5 action points each. */
beforeAll(async () => {
  h = await createPluginHarness(forums);
  f = await forumFixture(h);
  await h.db(async (db) => {
    const tenantId = h.tenant.id;
    await db.forum.update({ where: { id: f.forum.id }, data: { publicRecord: true } });
    const organisations = await db.organisation.createManyAndReturn({
      data: Array.from({ length: ORGANISATIONS }, (_, i) => ({ tenantId, name: `Scale organisation ${String(i).padStart(3, "0")}`, type: "NGO", region: "Luzon" })),
      select: { id: true },
    });
    await db.forumParticipant.createMany({ data: organisations.map((o) => ({ tenantId, forumId: f.forum.id, organisationId: o.id })) });
    const base = new Date("2026-01-01T00:00:00Z").getTime();
    for (let i = 0; i < 40; i++) {
      const p = await db.forumProposal.create({
        data: {
          tenantId, forumId: f.forum.id, title: `Decision ${i}`, body: "…", bodyHtml: "<p>…</p>", authorId: f.alice.id, voteUnit: "ORGANISATION", options: "CONSENT",
          quorumPercent: 50, thresholdPercent: 60, blocksStop: true, stakeholdersVote: false, publicVotes: true, opensAt: new Date(base + i * 86_400_000), closesAt: new Date(base + (i + 7) * 86_400_000),
          status: "DECIDED", outcome: "ADOPTED", counts: { votes: { agree: 40, disagree: 3 }, cast: 43, eligible: 63 }, eligibleCount: 63, decidedAt: new Date(base + (i + 7) * 86_400_000),
        },
        select: { id: true },
      });
      proposalId = p.id;
    }
    // An open proposal with secret votes, which alice's organisation and 20 others have voted on.
    const secret = await db.forumProposal.create({
      data: {
        tenantId, forumId: f.forum.id, title: "Secret ballot", body: "…", bodyHtml: "<p>…</p>", authorId: f.bea.id, voteUnit: "ORGANISATION", options: "CONSENT",
        quorumPercent: 50, thresholdPercent: 60, blocksStop: true, stakeholdersVote: false, publicVotes: false, opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 6 * 86_400_000),
      },
      select: { id: true },
    });
    secretProposalId = secret.id;
    await db.forumVote.createMany({
      data: [
        { tenantId, proposalId: secret.id, voterKey: `org:${f.organisations.river.id}`, userId: f.alice.id, organisationId: f.organisations.river.id, choice: "agree" },
        ...organisations.slice(0, 20).map((o, i) => ({ tenantId, proposalId: secret.id, voterKey: `org:${o.id}`, userId: f.alice.id, organisationId: o.id, choice: i < 15 ? "agree" : "abstain" })),
      ],
    });
    await db.forumVote.createMany({ data: organisations.slice(0, 43).map((o, i) => ({ tenantId, proposalId, voterKey: `org:${o.id}`, userId: f.alice.id, organisationId: o.id, choice: i < 40 ? "agree" : "disagree" })) });
    for (let i = 0; i < 30; i++) {
      const m = await db.forumMeeting.create({
        data: { tenantId, forumId: f.forum.id, title: `Meeting ${i}`, startsAt: new Date(base + i * 86_400_000), endsAt: new Date(base + i * 86_400_000 + 7_200_000), timezone: "Asia/Manila", minutes: `## Notes ${i}\nAgreed.`, minutesPublishedAt: new Date(base + i * 86_400_000 + 86_400_000), attendeeUserIds: [f.alice.id, f.bea.id], createdById: f.moderator.id },
        select: { id: true },
      });
      meetingId = m.id;
      await db.forumActionPoint.createMany({
        data: Array.from({ length: 5 }, (_, position) => ({ tenantId, meetingId: m.id, position, description: `Action ${position}`, ...(position % 2 ? { ownerOrganisationId: organisations[position]!.id, ownerName: `Scale organisation 00${position}` } : { ownerUserId: f.bea.id, ownerName: f.bea.name }) })),
      });
      await db.forumRsvp.createMany({ data: [f.alice, f.bea, f.moderator].map((p) => ({ tenantId, meetingId: m.id, userId: p.id, answer: "YES" as const })) });
    }
  });
});
afterAll(() => h?.close());

async function measure(loader: (args: never) => Promise<unknown>, p: HarnessPerson | null, sub: string, params: Record<string, string>) {
  const url = h.path(`${f.forum.id}${sub}`);
  const request = p ? p.request(url) : new Request(new URL(url, "http://localhost"));
  const { result, statements } = await counted(() => h.call(loader as never, { request, params: { forumId: f.forum.id, ...params } }));
  expect(result.status).toBe(200);
  return statements;
}

/** What every forum page pays before its own work: the guard's five, and forumForPerson's one for a signed-in person. */
const GUARD = 5;
const FORUM_ACCESS = 1;

it("keeps each decisions page to a fixed number of statements, however many decisions, meetings, votes and organisations", async () => {
  // The first request of a process also loads the session's types: not a page's cost.
  await measure(meetingsLoader, f.alice, "/meetings", {});
  const figures = {
    recordParticipant: await measure(recordLoader, f.alice, "/record", {}),
    recordVisitor: await measure(recordLoader, null, "/record", {}),
    recordSecondPage: await measure(recordLoader, f.alice, "/record?decisions=2&minutes=2", {}),
    proposalWithPublicVotes: await measure(proposalLoader, f.alice, `/proposals/${proposalId}`, { proposalId }),
    proposalWithSecretVotes: await measure(proposalLoader, f.alice, `/proposals/${secretProposalId}`, { proposalId: secretProposalId }),
    meetingWithMinutes: await measure(meetingLoader, f.alice, `/meetings/${meetingId}`, { meetingId }),
    meetings: await measure(meetingsLoader, f.alice, "/meetings", {}),
  };
  console.info("decisions pages, SQL statements per request (guard 5 and forum access 1 included):", figures);
  for (const statements of Object.values(figures)) expect(statements).toBeLessThanOrEqual(10);
  // The record: proposals, meetings with their action points, and the attendees' names.
  expect(figures.recordParticipant).toBe(GUARD + FORUM_ACCESS + 3);
  expect(figures.recordSecondPage).toBe(figures.recordParticipant);
  // A visitor: the guard without a session to read (four), the public forum, the record's three.
  expect(figures.recordVisitor).toBe(GUARD - 1 + 1 + 3);
  // A proposal: the proposal, its voters, the votes (the public list, or the secret counts
  // with one's own), the names of author and voters.
  expect(figures.proposalWithPublicVotes).toBe(GUARD + FORUM_ACCESS + 4);
  expect(figures.proposalWithSecretVotes).toBe(GUARD + FORUM_ACCESS + 4);
  // A meeting: the meeting, its answers with its action points, names of those who answered and attended.
  expect(figures.meetingWithMinutes).toBe(GUARD + FORUM_ACCESS + 3);
  expect(figures.meetings).toBeLessThanOrEqual(GUARD + FORUM_ACCESS + 2);
});

it("shows a secret ballot's count and one's own organisation's vote, not the others'", async () => {
  const { result } = await counted(() =>
    h.call(proposalLoader as never, { request: f.alice.request(h.path(`${f.forum.id}/proposals/${secretProposalId}`)), params: { forumId: f.forum.id, proposalId: secretProposalId } }),
  );
  const data = result.data as { cast: number; counts: unknown; voters: unknown[]; myVote: { choice: string; mine: boolean; by: string } | null; canVote: boolean };
  expect(data.cast).toBe(21);
  expect(data.counts).toBeNull();
  expect(data.voters).toEqual([]);
  expect(data.myVote).toMatchObject({ choice: "agree", mine: true, by: f.alice.name });
  expect(data.canVote).toBe(false);
});
