import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import NewProposal, * as newProposal from "../routes/decisions/proposal-new.tsx";
import ProposalPage, * as proposalPage from "../routes/decisions/proposal.tsx";
import Meetings, * as meetingsPage from "../routes/decisions/meetings.tsx";
import NewMeeting, * as newMeeting from "../routes/decisions/meeting-new.tsx";
import EditMeeting, * as editMeeting from "../routes/decisions/meeting-edit.tsx";
import MeetingPage, * as meetingPage from "../routes/decisions/meeting.tsx";
import MinutesPage, * as minutesPage from "../routes/decisions/minutes.tsx";
import Record, * as recordPage from "../routes/decisions/record.tsx";
import { seedForumDecisions } from "../src/decisions/seed.server.ts";
import { expectOneH1, forumFixture, type ForumFixture, renderPage } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
let proposalId: string;
let openId: string;
let pastMeetingId: string;
let nextMeetingId: string;
beforeAll(async () => {
  h = await createPluginHarness(forums);
  f = await forumFixture(h);
  await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { publicRecord: true, publicVotes: true } }));
  await h.db((db) => seedForumDecisions({ db, tenantId: h.tenant.id }, f.forum.id));
  const ids = await h.db(async (db) => ({
    decided: await db.forumProposal.findFirstOrThrow({ where: { forumId: f.forum.id, status: "DECIDED" }, select: { id: true } }),
    open: await db.forumProposal.findFirstOrThrow({ where: { forumId: f.forum.id, status: "OPEN" }, select: { id: true } }),
    past: await db.forumMeeting.findFirstOrThrow({ where: { forumId: f.forum.id, minutesPublishedAt: { not: null } }, select: { id: true } }),
    next: await db.forumMeeting.findFirstOrThrow({ where: { forumId: f.forum.id, minutesPublishedAt: null }, select: { id: true } }),
  }));
  proposalId = ids.decided.id;
  openId = ids.open.id;
  pastMeetingId = ids.past.id;
  nextMeetingId = ids.next.id;
});
afterAll(() => h?.close());

async function data(loader: (args: never) => Promise<unknown>, p: HarnessPerson | null, sub: string, params: Record<string, string>) {
  const url = h.path(`${f.forum.id}${sub}`);
  const request = p ? p.request(url) : new Request(new URL(url, "http://localhost"));
  const r = await h.call(loader as never, { request, params: { forumId: f.forum.id, ...params } });
  expect(r.status).toBe(200);
  return r.data;
}

describe("the decisions pages' markup", () => {
  it("shows the rule in plain words before tabling, with labelled fields and the zone", async () => {
    const html = renderPage(NewProposal, await data(newProposal.loader, f.alice, "/proposals/new", {}));
    expectOneH1(html);
    expect(html).toContain("One organisation, one vote");
    expect(html).toContain("Quorum: 50\u00a0% of 3 voters");
    expect(html).toContain("Closes at (UTC time)");
    expect(html).toMatch(/<label[^>]*for="field-title"/);
  });

  it("shows a decided proposal's outcome, counts and voters, and an open one's vote form", async () => {
    const decided = renderPage(ProposalPage, await data(proposalPage.loader, f.bea, `/proposals/${proposalId}`, { proposalId }));
    expectOneH1(decided);
    expect(decided).toContain("Adopted");
    expect(decided).toContain("Who voted");
    const open = renderPage(ProposalPage, await data(proposalPage.loader, f.stakeholder, `/proposals/${openId}`, { proposalId: openId }));
    expect(open).toContain("Stakeholders do not vote under this proposal");
    const voteForm = await data(proposalPage.loader, f.moderator, `/proposals/${openId}`, { proposalId: openId });
    const html = renderPage(ProposalPage, voteForm);
    if ((voteForm as { canVote: boolean }).canVote) {
      expect(html).toContain('type="radio"');
      expect(html).toContain("A vote is final once cast");
    }
    const refused = renderPage(ProposalPage, voteForm, { ok: false, form: "vote", errors: {}, formError: "Your organisation has already voted", values: {} });
    expect(refused).toContain("Your organisation has already voted");
  });

  it("lists meetings and shows one with its times, RSVP and minutes", async () => {
    expectOneH1(renderPage(Meetings, await data(meetingsPage.loader, f.alice, "/meetings", {})));
    const past = renderPage(MeetingPage, await data(meetingPage.loader, f.alice, `/meetings/${pastMeetingId}`, { meetingId: pastMeetingId }));
    expectOneH1(past);
    expect(past).toContain("Asia/Manila");
    expect(past).toContain("Action points");
    const next = renderPage(MeetingPage, await data(meetingPage.loader, f.alice, `/meetings/${nextMeetingId}?tz=Europe/Berlin`, { meetingId: nextMeetingId }));
    expect(next).toContain("When in Europe/Berlin");
    expect(next).toContain('name="answer"');
  });

  it("renders the meeting and minutes forms for moderators", async () => {
    expectOneH1(renderPage(NewMeeting, await data(newMeeting.loader, f.moderator, "/meetings/new", {})));
    expectOneH1(renderPage(EditMeeting, await data(editMeeting.loader, f.moderator, `/meetings/${nextMeetingId}/edit`, { meetingId: nextMeetingId })));
    const minutes = renderPage(MinutesPage, await data(minutesPage.loader, f.moderator, `/meetings/${pastMeetingId}/minutes`, { meetingId: pastMeetingId }));
    expectOneH1(minutes);
    expect(minutes).toContain('name="ap-4-description"');
    const failed = renderPage(MinutesPage, await data(minutesPage.loader, f.moderator, `/meetings/${pastMeetingId}/minutes`, { meetingId: pastMeetingId }), {
      ok: false,
      form: "minutes",
      errors: { "ap-0-owner": "Action point 1: choose an owner from the list" },
      values: { rows: "5", "ap-0-description": "Typed" },
      lists: {},
    });
    expect(failed).toContain("Action point 1: choose an owner from the list");
    expect(failed).toContain('value="Typed"');
  });

  it("renders the record for a participant and for a signed-out visitor", async () => {
    const mine = renderPage(Record, await data(recordPage.loader, f.alice, "/record", {}));
    expectOneH1(mine);
    expect(mine).toContain("Open proposals");
    const visitor = renderPage(Record, await data(recordPage.loader, null, "/record", {}));
    expectOneH1(visitor);
    expect(visitor).toContain("Adopt the 2026 monitoring plan");
    expect(visitor).not.toContain("Open proposals");
    expect(visitor).not.toContain(`/proposals/${proposalId}`);
    // On a phone the rows stack: the outcome comes second, right under the title, each value named.
    const headers = [...visitor.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers.slice(0, 2)).toEqual(["Proposal", "Outcome"]);
    expect(visitor).toContain('class="stacked"');
    expect(visitor).toContain('<span class="stacked__label">Outcome: </span>');
    expect(visitor).not.toMatch(/\d %/);
  });
});
