import { afterAll, beforeAll, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import * as spacesIndex from "../routes/spaces/index.tsx";
import * as spacesNew from "../routes/spaces/new.tsx";
import * as settings from "../routes/spaces/settings.tsx";
import * as rules from "../routes/spaces/rules.tsx";
import * as participants from "../routes/spaces/participants.tsx";
import * as forumHome from "../routes/threads/forum.tsx";
import * as newThread from "../routes/threads/new-thread.tsx";
import * as thread from "../routes/threads/thread.tsx";
import * as editPost from "../routes/threads/edit-post.tsx";
import * as history from "../routes/threads/history.tsx";
import * as flag from "../routes/threads/flag.tsx";
import * as hide from "../routes/threads/hide.tsx";
import * as flags from "../routes/threads/flags.tsx";
import * as proposalNew from "../routes/decisions/proposal-new.tsx";
import * as proposal from "../routes/decisions/proposal.tsx";
import * as meetings from "../routes/decisions/meetings.tsx";
import * as meetingNew from "../routes/decisions/meeting-new.tsx";
import * as meeting from "../routes/decisions/meeting.tsx";
import * as meetingEdit from "../routes/decisions/meeting-edit.tsx";
import * as minutes from "../routes/decisions/minutes.tsx";
import * as record from "../routes/decisions/record.tsx";
import * as preferences from "../routes/notifications/preferences.tsx";
import * as forumLevel from "../routes/notifications/forum-level.tsx";
import * as threadLevel from "../routes/notifications/thread-level.tsx";
import { forumFixture, type ForumFixture } from "./helpers.ts";
import { counted } from "./sql-statements.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
const ids = { threadId: "", postId: "", meetingId: "", proposalId: "" };
beforeAll(async () => {
  h = await createPluginHarness(forums);
  f = await forumFixture(h);
  await h.db(async (db) => {
    const tenantId = h.tenant.id;
    const forumId = f.forum.id;
    const t = await db.forumThread.create({ data: { tenantId, forumId, title: "Water permits", authorId: f.alice.id, postCount: 3 }, select: { id: true } });
    ids.threadId = t.id;
    const authors = [f.alice, f.stakeholder, f.bea];
    for (const [i, author] of authors.entries()) {
      const p = await db.forumPost.create({ data: { tenantId, forumId, threadId: t.id, number: i + 1, authorId: author.id, body: `Post ${i + 1}`, bodyHtml: `<p>Post ${i + 1}</p>`, editedAt: i === 1 ? new Date() : null }, select: { id: true } });
      if (i === 1) {
        ids.postId = p.id;
        await db.forumPostRevision.create({ data: { tenantId, postId: p.id, body: "Before", editedById: author.id } });
        await db.forumFlag.create({ data: { tenantId, forumId, postId: p.id, userId: f.alice.id, reason: "Off topic" } });
      }
    }
    const m = await db.forumMeeting.create({
      data: { tenantId, forumId, title: "Quarterly", startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() - 82_800_000), timezone: "Asia/Manila", minutes: "Agreed.", minutesPublishedAt: new Date(), attendeeUserIds: [f.alice.id, f.bea.id], createdById: f.moderator.id },
      select: { id: true },
    });
    ids.meetingId = m.id;
    await db.forumActionPoint.create({ data: { tenantId, meetingId: m.id, position: 0, description: "Write to the ministry", ownerUserId: f.bea.id } });
    await db.forumRsvp.create({ data: { tenantId, meetingId: m.id, userId: f.alice.id, answer: "YES" } });
    const p = await db.forumProposal.create({
      data: {
        tenantId, forumId, title: "Adopt the charter", body: "…", bodyHtml: "<p>…</p>", authorId: f.alice.id, voteUnit: "ORGANISATION", options: "CONSENT",
        quorumPercent: 50, thresholdPercent: 60, blocksStop: true, stakeholdersVote: false, publicVotes: true, opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000),
      },
      select: { id: true },
    });
    ids.proposalId = p.id;
    await db.forumVote.create({ data: { tenantId, proposalId: p.id, voterKey: `org:${f.organisations.coast.id}`, userId: f.bea.id, organisationId: f.organisations.coast.id, choice: "agree" } });
  });
});
afterAll(() => h?.close());

type Loader = (args: never) => Promise<unknown>;

async function statementsOf(loader: Loader, p: HarnessPerson, sub: string, params: Record<string, string> = {}) {
  const { result, statements } = await counted(() => h.call(loader as never, { request: p.request(h.path(sub)), params: { forumId: f.forum.id, ...params } }));
  expect(result.status, sub).toBe(200);
  return statements;
}

// The bound: ten SQL statements per page, everything counted (the guard's five included).
it("keeps every forum page within ten SQL statements, the guard's included", async () => {
  const forum = f.forum.id;
  const { threadId, postId, meetingId, proposalId } = ids;
  await statementsOf(forumHome.loader, f.alice, forum); // the first request of a process also reads the coalition
  const pages: [string, Loader, HarnessPerson, string, Record<string, string>?][] = [
    ["forums", spacesIndex.loader, f.alice, ""],
    ["new forum", spacesNew.loader, f.secretariat, "new"],
    ["settings", settings.loader, f.secretariat, `${forum}/settings`],
    ["rules", rules.loader, f.stakeholder, `${forum}/rules`],
    ["participants", participants.loader, f.secretariat, `${forum}/participants`],
    ["forum home", forumHome.loader, f.alice, forum],
    ["forum home, moderator", forumHome.loader, f.moderator, forum],
    ["new thread", newThread.loader, f.alice, `${forum}/threads/new`],
    ["thread", thread.loader, f.alice, `${forum}/threads/${threadId}`, { threadId }],
    ["thread, quoting", thread.loader, f.alice, `${forum}/threads/${threadId}?quote=${postId}`, { threadId }],
    ["edit post", editPost.loader, f.stakeholder, `${forum}/posts/${postId}/edit`, { postId }],
    ["history", history.loader, f.moderator, `${forum}/posts/${postId}/history`, { postId }],
    ["flag", flag.loader, f.bea, `${forum}/posts/${postId}/flag`, { postId }],
    ["hide", hide.loader, f.moderator, `${forum}/posts/${postId}/hide`, { postId }],
    ["flags", flags.loader, f.moderator, `${forum}/flags`],
    ["new proposal", proposalNew.loader, f.alice, `${forum}/proposals/new`],
    ["proposal", proposal.loader, f.alice, `${forum}/proposals/${proposalId}`, { proposalId }],
    ["meetings", meetings.loader, f.alice, `${forum}/meetings`],
    ["new meeting", meetingNew.loader, f.moderator, `${forum}/meetings/new`],
    ["meeting", meeting.loader, f.alice, `${forum}/meetings/${meetingId}`, { meetingId }],
    ["edit meeting", meetingEdit.loader, f.moderator, `${forum}/meetings/${meetingId}/edit`, { meetingId }],
    ["minutes", minutes.loader, f.moderator, `${forum}/meetings/${meetingId}/minutes`, { meetingId }],
    ["record", record.loader, f.alice, `${forum}/record`],
    ["notification preferences", preferences.loader, f.alice, "notifications"],
    ["forum notifications", forumLevel.loader, f.alice, `${forum}/notifications`],
    ["thread notifications", threadLevel.loader, f.alice, `${forum}/threads/${threadId}/notifications`, { threadId }],
  ];
  const figures: Record<string, number> = {};
  for (const [name, loader, p, sub, params] of pages) figures[name] = await statementsOf(loader, p, sub, params);
  console.info("forum pages, SQL statements per request (everything counted):", figures);
  expect(Object.entries(figures).filter(([, n]) => n > 10)).toEqual([]);
});
