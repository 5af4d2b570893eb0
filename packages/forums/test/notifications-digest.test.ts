import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import type { Mailbox } from "@commons/email/mailbox";
import forums from "../manifest.ts";
import * as unsubscribe from "../routes/notifications/unsubscribe.tsx";
import { THREADS_PER_FORUM } from "../src/notifications/digest.server.ts";
import { forumFixture, type ForumFixture } from "./helpers.ts";
import { oneClick, reply, startThread } from "./notifications-fixtures.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
let g: ForumFixture;
let mailbox: Mailbox;

const DAY = 86_400_000;
// Mornings of the digest job (06:00 UTC).
const MON = new Date("2027-03-01T06:00:00Z");
const TUE = new Date(MON.getTime() + DAY);
const NEXT_MON = new Date(MON.getTime() + 7 * DAY);
const hoursBefore = (at: Date, hours: number) => new Date(at.getTime() - hours * 3_600_000);

beforeAll(async () => {
  h = await createPluginHarness(forums);
  mailbox = await h.mailbox();
  f = await forumFixture(h, { name: "Extractives forum" });
  // A second forum none of f's people (but the secretariat) are in.
  g = await forumFixture(h, { name: "Another forum" });
});
afterAll(() => h?.close());

async function digest(p: HarnessPerson, frequency: "DAILY" | "WEEKLY" | "NONE", lastSentAt: Date | null = null) {
  await h.db((db) =>
    db.forumDigestPreference.upsert({
      where: { tenantId_userId: { tenantId: h.tenant.id, userId: p.id } },
      create: { tenantId: h.tenant.id, userId: p.id, frequency, lastSentAt },
      update: { frequency, lastSentAt },
    }),
  );
}

/** Runs the job for one morning and hands its events to the subscriber, as the worker does; the people it was due for. */
async function morning(at: Date): Promise<string[]> {
  const before = new Set((await h.events("forums.digest_due")).map((e) => e.id));
  expect((await h.runJob("digest", { scheduledAt: at })).outcome).toBe("ran");
  const fresh = (await h.events("forums.digest_due")).filter((e) => !before.has(e.id));
  for (const event of fresh) await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id });
  await new Promise((r) => setTimeout(r, 150));
  return fresh.map((e) => (e.payload as { userId: string }).userId);
}

const digestsTo = (p: HarnessPerson) => mailbox.messages().filter((m) => m.to.includes(p.email.toLowerCase()) && m.subject.includes("forums digest"));

describe("the digest", () => {
  it("lists a day's new threads and replies by forum and thread, with counts and links, only from forums the person is in, leaving out muted threads and their own posts", async () => {
    await digest(f.bea, "DAILY", MON);
    const yesterday = hoursBefore(TUE, 20);
    const started = await startThread(h, f.forum.id, f.alice.id, "Royalty sharing", "Opening", yesterday);
    await reply(h, f.forum.id, started.threadId, f.arturo.id, "Agree", [], hoursBefore(TUE, 10));
    const older = await startThread(h, f.forum.id, f.alice.id, "Permits backlog", "Old opening", hoursBefore(MON, 30));
    for (const hours of [9, 8, 7]) await reply(h, f.forum.id, older.threadId, f.alice.id, `Reply ${hours}`, [], hoursBefore(TUE, hours));
    const muted = await startThread(h, f.forum.id, f.alice.id, "Muted topic", "x", hoursBefore(TUE, 5));
    await h.db((db) => db.forumSubscription.create({ data: { tenantId: h.tenant.id, userId: f.bea.id, forumId: f.forum.id, threadId: muted.threadId, level: "MUTE" } }));
    await startThread(h, f.forum.id, f.bea.id, "Bea's own thread", "mine", hoursBefore(TUE, 4));
    await startThread(h, g.forum.id, g.alice.id, "Not Bea's forum", "elsewhere", hoursBefore(TUE, 3));
    // Before the last digest, and hidden: not listed either.
    await reply(h, f.forum.id, older.threadId, f.alice.id, "Before", [], hoursBefore(MON, 1));
    const hidden = await reply(h, f.forum.id, older.threadId, f.alice.id, "Hidden", [], hoursBefore(TUE, 2));
    await h.db((db) => db.forumPost.updateMany({ where: { id: hidden.postId }, data: { hiddenAt: new Date() } }));

    expect(await morning(TUE)).toContain(f.bea.id);
    const mail = await mailbox.waitFor((m) => m.to.includes(f.bea.email.toLowerCase()) && m.subject.includes("digest"));
    expect(mail.subject).toBe("Your daily forums digest: 5 new posts");
    expect(mail.text).toContain("since 2027-03-01 06:00 UTC");
    expect(mail.text).toContain("Extractives forum");
    expect(mail.text).toContain("- Permits backlog: 3 new replies");
    expect(mail.text).toContain("- New thread: Royalty sharing (2 posts)");
    expect(mail.text.indexOf("Permits backlog")).toBeLessThan(mail.text.indexOf("Royalty sharing"));
    expect(mail.text).toContain(`/c/${h.tenant.slug}/forums/${f.forum.id}/threads/${started.threadId}`);
    for (const absent of ["Muted topic", "Bea's own thread", "Not Bea's forum", "Another forum"]) expect(mail.text).not.toContain(absent);
    expect(mail.headers["list-unsubscribe"]).toMatch(/\/forums\/unsubscribe\?token=/);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(`/c/${h.tenant.slug}/forums/notifications`);
  });

  it("sends nothing on a second run of the same morning, nor an hour later", async () => {
    const before = digestsTo(f.bea).length;
    expect(await morning(TUE)).toEqual([]);
    expect(await morning(new Date(TUE.getTime() + 3_600_000))).toEqual([]);
    expect(digestsTo(f.bea)).toHaveLength(before);
    expect(await h.db((db) => db.forumDigestPreference.findFirst({ where: { userId: f.bea.id }, select: { lastSentAt: true } }))).toEqual({ lastSentAt: TUE });
  });

  it("sends nothing when nothing is new, yet counts the day as done", async () => {
    await digest(f.moderator, "DAILY", new Date(TUE.getTime() + 2 * DAY - 1));
    await digest(f.outsider, "DAILY", TUE);
    const wed = new Date(TUE.getTime() + DAY);
    expect(await morning(wed)).toEqual(expect.arrayContaining([f.bea.id, f.outsider.id]));
    expect(digestsTo(f.outsider)).toHaveLength(0);
    expect(digestsTo(f.bea)).toHaveLength(1);
    expect(await h.db((db) => db.forumDigestPreference.findFirst({ where: { userId: f.outsider.id }, select: { lastSentAt: true } }))).toEqual({ lastSentAt: wed });
  });

  it("comes weekly for those who chose it: a week's posts, once a week; a muted forum is left out unless a thread in it is set otherwise", async () => {
    const week = new Date(NEXT_MON.getTime() + 7 * DAY);
    await digest(f.stakeholder, "WEEKLY", NEXT_MON);
    await h.db((db) => db.forumSubscription.create({ data: { tenantId: h.tenant.id, userId: f.stakeholder.id, forumId: f.forum.id, threadId: null, level: "MUTE" } }));
    const kept = await startThread(h, f.forum.id, f.alice.id, "Watched despite the mute", "a", new Date(NEXT_MON.getTime() + 2 * DAY));
    await h.db((db) => db.forumSubscription.create({ data: { tenantId: h.tenant.id, userId: f.stakeholder.id, forumId: f.forum.id, threadId: kept.threadId, level: "WATCH" } }));
    await startThread(h, f.forum.id, f.alice.id, "Muted with the forum", "b", new Date(NEXT_MON.getTime() + 3 * DAY));
    expect(await morning(new Date(NEXT_MON.getTime() + 6 * DAY))).not.toContain(f.stakeholder.id);
    expect(await morning(week)).toContain(f.stakeholder.id);
    const mail = await mailbox.waitFor((m) => m.to.includes(f.stakeholder.email.toLowerCase()) && m.subject.includes("digest"));
    expect(mail.subject).toBe("Your weekly forums digest: 1 new post");
    expect(mail.text).toContain("New thread: Watched despite the mute (1 post)");
    expect(mail.text).not.toContain("Muted with the forum");
  });

  it("lists at most ten threads per forum and counts the rest", async () => {
    const sun = new Date("2027-04-04T06:00:00Z");
    await digest(f.arturo, "DAILY", new Date(sun.getTime() - DAY));
    for (let i = 0; i < THREADS_PER_FORUM + 2; i++) await startThread(h, f.forum.id, f.alice.id, `Busy ${String(i).padStart(2, "0")}`, "x", hoursBefore(sun, 2));
    expect(await morning(sun)).toContain(f.arturo.id);
    const mail = await mailbox.waitFor((m) => m.to.includes(f.arturo.email.toLowerCase()) && m.subject.includes("digest"));
    expect(mail.subject).toBe("Your daily forums digest: 12 new posts");
    expect(mail.text.match(/New thread: Busy/g)).toHaveLength(THREADS_PER_FORUM);
    expect(mail.text).toContain("And 2 more threads in this forum.");
  });

  it("is not sent to people who turned email updates off, left the forum or chose no digest; its link turns it off without a session", async () => {
    const at = new Date("2027-05-03T06:00:00Z");
    await startThread(h, f.forum.id, f.secretariat.id, "For the quiet ones", "x", hoursBefore(at, 3));
    await startThread(h, g.forum.id, g.alice.id, "Only the secretariat reads this", "y", hoursBefore(at, 2));
    await digest(f.alice, "DAILY", new Date(at.getTime() - DAY));
    await h.db((db) => db.membership.updateMany({ where: { userId: f.alice.id }, data: { emailUpdates: false } }));
    await digest(f.otherStakeholder, "DAILY", new Date(at.getTime() - DAY));
    await digest(f.bea, "NONE", new Date(at.getTime() - DAY));
    await digest(f.secretariat, "DAILY", new Date(at.getTime() - DAY));
    await h.db((db) => db.forumSubscription.deleteMany({ where: { userId: f.stakeholder.id } }));
    const due = await morning(at);
    expect(due).toEqual(expect.arrayContaining([f.alice.id, f.otherStakeholder.id]));
    expect(due).not.toContain(f.bea.id);
    expect(digestsTo(f.alice)).toHaveLength(0);
    expect(digestsTo(f.otherStakeholder)).toHaveLength(0);
    await h.db((db) => db.membership.updateMany({ where: { userId: f.alice.id }, data: { emailUpdates: true } }));

    // The secretariat enters every forum (its own posts left out), and stops the digest from the email.
    const mail = await mailbox.waitFor((m) => m.to.includes(f.secretariat.email.toLowerCase()) && m.subject.includes("digest"));
    expect(mail.text).toContain("Another forum");
    expect(mail.text).toContain("New thread: Only the secretariat reads this (1 post)");
    expect(mail.text).not.toContain("For the quiet ones");
    const link = mail.headers["list-unsubscribe"]!.slice(1, -1);
    expect((await h.call(unsubscribe.action as never, { request: oneClick(link) })).status).toBe(200);
    expect(await h.db((db) => db.forumDigestPreference.findFirst({ where: { userId: f.secretariat.id }, select: { frequency: true } }))).toEqual({ frequency: "NONE" });
  });
});
