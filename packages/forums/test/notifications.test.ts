import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import type { Mailbox } from "@commons/email/mailbox";
import { checkModules } from "@commons/plugin-sdk";
import { defineModuleServer } from "@commons/plugin-sdk/server";
import forums from "../manifest.ts";
import server from "../server.ts";
import * as forumLevel from "../routes/notifications/forum-level.tsx";
import * as threadLevel from "../routes/notifications/thread-level.tsx";
import * as preferences from "../routes/notifications/preferences.tsx";
import * as unsubscribe from "../routes/notifications/unsubscribe.tsx";
import * as threadPage from "../routes/threads/thread.tsx";
import * as editPage from "../routes/threads/edit-post.tsx";
import { unsubscribeToken } from "../src/notifications/unsubscribe.server.ts";
import { forumFixture, type ForumFixture } from "./helpers.ts";
import { oneClick, postCreated, reply, startThread } from "./notifications-fixtures.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
let mailbox: Mailbox;
let other: OtherTenant;

beforeAll(async () => {
  h = await createPluginHarness(forums);
  mailbox = await h.mailbox();
  f = await forumFixture(h);
  other = await h.otherTenant();
});
afterAll(() => h?.close());

const mailTo = (p: HarnessPerson, subject?: string) => mailbox.messages().filter((m) => m.to.includes(p.email.toLowerCase()) && (!subject || m.subject.includes(subject)));

function setLevel(p: HarnessPerson, level: string, forumId: string, threadId?: string) {
  const path = threadId ? `${forumId}/threads/${threadId}/notifications` : `${forumId}/notifications`;
  return h.call((threadId ? threadLevel.action : forumLevel.action) as never, { request: p.request(h.path(path), { form: { level } }), params: { forumId, ...(threadId ? { threadId } : {}) } });
}

/** A new thread with a reply by `author`, the reply's post.created handed to the subscriber. */
async function replyIn(title: string, author: HarnessPerson, body: string, mentioned: HarnessPerson[] = [], threadId?: string) {
  const thread = threadId ?? (await startThread(h, f.forum.id, f.secretariat.id, title)).threadId;
  const post = await reply(h, f.forum.id, thread, author.id, body, mentioned.map((p) => p.id));
  const run = await postCreated(h, { postId: post.postId, threadId: thread, forumId: f.forum.id, authorId: author.id, mentionedUserIds: mentioned.map((p) => p.id) });
  expect(run.outcome).toBe("ran");
  return { threadId: thread, ...post };
}

describe("the manifest", () => {
  it("declares the digest job, its event and the subscribers the server entry has", () => {
    expect(checkModules([forums], "0.1.0").filter((p) => /digest|notifications|post\.created/.test(p.message))).toEqual([]);
    expect(defineModuleServer(forums, server)).toBe(server);
    expect(forums.jobs?.digest?.cron).toBe("0 6 * * *");
    expect(forums.events?.emits).toContain("forums.digest_due");
    expect(forums.events?.subscribes).toEqual(expect.arrayContaining(["post.created", "forums.digest_due"]));
  });
});

describe("mention emails", () => {
  it("reach each mentioned participant with the thread, an excerpt and a link, with one-click unsubscribe headers; not the author, not someone outside the forum", async () => {
    const body = "Thanks **all**. @Bea and @Stella: can you bring the [draft](https://example.org/d) on Friday? " + "More words. ".repeat(40);
    const { threadId, number } = await replyIn("Water permits", f.alice, body, [f.bea, f.stakeholder, f.outsider, f.otherStakeholder, f.alice]);
    const toBea = await mailbox.waitFor((m) => m.to.includes(f.bea.email.toLowerCase()) && m.subject.includes("Water permits"));
    expect(toBea.subject).toBe(`${f.alice.name} mentioned you in “Water permits”`);
    expect(toBea.text).toContain("Thanks all. @Bea and @Stella: can you bring the draft on Friday?");
    expect(toBea.text).toContain("…");
    expect(toBea.text).not.toContain("**");
    expect(toBea.text).toContain(h.path(`${f.forum.id}/threads/${threadId}?page=1#post-${number}`));
    expect(toBea.headers["list-unsubscribe"]).toMatch(new RegExp(`^<https?://[^>]+/c/${h.tenant.slug}/forums/unsubscribe\\?token=[^>]+>$`));
    expect(toBea.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    await mailbox.waitFor((m) => m.to.includes(f.stakeholder.email.toLowerCase()) && m.subject.includes("Water permits"));
    for (const nobody of [f.alice, f.outsider, f.otherStakeholder]) expect(mailTo(nobody, "Water permits")).toHaveLength(0);
  });

  it("stay away from a muted thread, and from a muted forum unless the thread says otherwise", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Muted budget");
    expect((await setLevel(f.bea, "MUTE", f.forum.id, threadId)).status).toBe(302);
    await replyIn("", f.alice, "@Bea see this", [f.bea], threadId);
    expect((await setLevel(f.arturo, "MUTE", f.forum.id)).status).toBe(302);
    const second = await startThread(h, f.forum.id, f.secretariat.id, "Muted forum, watched thread");
    await replyIn("", f.alice, "@Arturo see this", [f.arturo], second.threadId);
    expect(mailTo(f.arturo, "Muted forum")).toHaveLength(0);
    await setLevel(f.arturo, "WATCH", f.forum.id, second.threadId);
    await replyIn("", f.bea, "An update", [], second.threadId);
    await mailbox.waitFor((m) => m.to.includes(f.arturo.email.toLowerCase()) && m.subject === "New post in “Muted forum, watched thread”");
    expect(mailTo(f.bea, "Muted budget")).toHaveLength(0);
    await setLevel(f.arturo, "NORMAL", f.forum.id);
  });
});

describe("a reply posted through the thread page", () => {
  it("records post.created with its mentions, and the mentioned participant is emailed", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Through the page");
    const posted = await h.call(threadPage.action as never, {
      request: f.alice.request(h.path(`${f.forum.id}/threads/${threadId}`), { form: { intent: "reply", body: `@${f.bea.name} could you check the figures?` } }),
      params: { forumId: f.forum.id, threadId },
    });
    expect(posted.status).toBeLessThan(400);
    const event = (await h.events("post.created")).at(-1)!;
    expect(event.payload).toMatchObject({ threadId, forumId: f.forum.id, authorId: f.alice.id, mentionedUserIds: [f.bea.id] });
    await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id });
    const mail = await mailbox.waitFor((m) => m.to.includes(f.bea.email.toLowerCase()) && m.subject.includes("Through the page"));
    expect(mail.text).toContain("could you check the figures?");
  });
});

describe("a post edited to mention someone new", () => {
  it("emails the newly mentioned participant once, and not those mentioned before", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Edited mentions");
    const post = await reply(h, f.forum.id, threadId, f.alice.id, `@${f.bea.name} please look`, [f.bea.id]);
    const edit = (body: string) =>
      h.call(editPage.action as never, { request: f.alice.request(h.path(`${f.forum.id}/posts/${post.postId}/edit`), { form: { body } }), params: { forumId: f.forum.id, postId: post.postId } });
    const before = (await h.events("forums.post_edited")).length;
    expect((await edit(`@${f.bea.name} please look, and @${f.moderator.name} too`)).status).toBe(302);
    const events = await h.events("forums.post_edited");
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event.payload).toMatchObject({ postId: post.postId, threadId, forumId: f.forum.id, authorId: f.alice.id, editorId: f.alice.id, mentionedUserIds: [f.moderator.id] });
    const stored = await h.db((db) => db.forumPost.findUniqueOrThrow({ where: { tenantId_id: { tenantId: h.tenant.id, id: post.postId } }, select: { mentionedUserIds: true } }));
    expect([...stored.mentionedUserIds].sort()).toEqual([f.bea.id, f.moderator.id].sort());
    await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id });
    const mail = await mailbox.waitFor((m) => m.to.includes(f.moderator.email.toLowerCase()) && m.subject.includes("Edited mentions"));
    expect(mail.subject).toBe(`${f.alice.name} mentioned you in “Edited mentions”`);
    // Editing again with the same names mentions nobody new: no event, no second email.
    expect((await edit(`@${f.bea.name} and @${f.moderator.name}, please look`)).status).toBe(302);
    expect(await h.events("forums.post_edited")).toHaveLength(before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(mailTo(f.moderator, "Edited mentions")).toHaveLength(1);
    expect(mailTo(f.bea, "Edited mentions")).toHaveLength(0);
  });
});

describe("watched threads and forums", () => {
  it("email every new post to people watching the thread, never its author", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Watched permits");
    await setLevel(f.moderator, "WATCH", f.forum.id, threadId);
    await setLevel(f.alice, "WATCH", f.forum.id, threadId);
    await replyIn("", f.alice, "Alice's own reply", [], threadId);
    const toModerator = await mailbox.waitFor((m) => m.to.includes(f.moderator.email.toLowerCase()) && m.subject === "New post in “Watched permits”");
    expect(toModerator.text).toContain("Alice's own reply");
    expect(toModerator.text).toContain("You get this because you watch this thread.");
    expect(toModerator.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mailTo(f.alice, "Watched permits")).toHaveLength(0);
  });

  it("email a forum's watchers, except in threads they set to Normal or Mute", async () => {
    await setLevel(f.stakeholder, "WATCH", f.forum.id);
    const normal = await startThread(h, f.forum.id, f.secretariat.id, "Forum watch: normal here");
    const muted = await startThread(h, f.forum.id, f.secretariat.id, "Forum watch: muted here");
    await setLevel(f.stakeholder, "NORMAL", f.forum.id, normal.threadId);
    await setLevel(f.stakeholder, "MUTE", f.forum.id, muted.threadId);
    await replyIn("", f.alice, "In the normal one", [], normal.threadId);
    await replyIn("", f.alice, "In the muted one", [], muted.threadId);
    await replyIn("Forum watch: everywhere else", f.alice, "In another thread");
    const watched = await mailbox.waitFor((m) => m.to.includes(f.stakeholder.email.toLowerCase()) && m.subject === "New post in “Forum watch: everywhere else”");
    expect(watched.text).toContain(`You get this because you watch the forum ${f.forum.name}.`);
    expect(mailTo(f.stakeholder, "Forum watch: normal here")).toHaveLength(0);
    expect(mailTo(f.stakeholder, "Forum watch: muted here")).toHaveLength(0);
    await setLevel(f.stakeholder, "NORMAL", f.forum.id);
  });

  it("send one email per person per post: a watcher who is mentioned gets the mention only, and a second delivery of the event sends nothing", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Once only");
    await setLevel(f.bea, "WATCH", f.forum.id, threadId);
    await setLevel(f.bea, "WATCH", f.forum.id);
    const post = await reply(h, f.forum.id, threadId, f.alice.id, "@Bea once", [f.bea.id]);
    const payload = { postId: post.postId, threadId, forumId: f.forum.id, authorId: f.alice.id, mentionedUserIds: [f.bea.id] };
    const first = await postCreated(h, payload);
    await mailbox.waitFor((m) => m.to.includes(f.bea.email.toLowerCase()) && m.subject.includes("Once only"));
    const again = await h.dispatch("post.created", { id: post.postId, ...payload }, { eventId: first.eventId });
    expect(again.outcome).toBe("already-ran");
    await new Promise((r) => setTimeout(r, 200));
    expect(mailTo(f.bea, "Once only").map((m) => m.subject)).toEqual([`${f.alice.name} mentioned you in “Once only”`]);
    await setLevel(f.bea, "NORMAL", f.forum.id);
  });

  it("send nothing to people who turned the coalition's email updates off, or who were removed from the forum", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Quiet people");
    await setLevel(f.arturo, "WATCH", f.forum.id, threadId);
    await setLevel(f.moderator, "WATCH", f.forum.id, threadId);
    await h.db((db) => db.membership.updateMany({ where: { userId: f.arturo.id }, data: { emailUpdates: false } }));
    await h.db((db) => db.forumParticipant.updateMany({ where: { forumId: f.forum.id, userId: f.moderator.id }, data: { removedAt: new Date() } }));
    const run = await replyIn("", f.alice, "@Arturo @Mo anyone?", [f.arturo, f.moderator], threadId);
    expect(run.postId).toBeTruthy();
    await h.db((db) => db.membership.updateMany({ where: { userId: f.arturo.id }, data: { emailUpdates: true } }));
    await h.db((db) => db.forumParticipant.updateMany({ where: { forumId: f.forum.id, userId: f.moderator.id }, data: { removedAt: null } }));
    // A later post in the same thread does reach them: the first one was held back, not lost in the mailbox.
    await replyIn("", f.alice, "Now?", [], threadId);
    await mailbox.waitFor((m) => m.to.includes(f.arturo.email.toLowerCase()) && m.subject === "New post in “Quiet people”" && m.text.includes("Now?"));
    await mailbox.waitFor((m) => m.to.includes(f.moderator.email.toLowerCase()) && m.subject === "New post in “Quiet people”");
    expect(mailTo(f.arturo, "Quiet people")).toHaveLength(1);
    expect(mailTo(f.moderator, "Quiet people")).toHaveLength(1);
  });

  it("send nothing for a post hidden before the worker got to it", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Hidden at once");
    await setLevel(f.bea, "WATCH", f.forum.id, threadId);
    const post = await reply(h, f.forum.id, threadId, f.alice.id, "Spam", []);
    await h.db((db) => db.forumPost.updateMany({ where: { id: post.postId }, data: { hiddenAt: new Date() } }));
    await postCreated(h, { postId: post.postId, threadId, forumId: f.forum.id, authorId: f.alice.id });
    await new Promise((r) => setTimeout(r, 200));
    expect(mailTo(f.bea, "Hidden at once")).toHaveLength(0);
  });
});

describe("the Watch / Normal / Mute forms", () => {
  it("save the level, go back to the page (or the forum's page given), and keep one row under a double click", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Form thread");
    const saved = await setLevel(f.bea, "WATCH", f.forum.id, threadId);
    expect(saved.headers.get("Location")).toBe(`/c/${h.tenant.slug}/forums/${f.forum.id}/threads/${threadId}#notifications`);
    await Promise.all([setLevel(f.bea, "MUTE", f.forum.id), setLevel(f.bea, "MUTE", f.forum.id), setLevel(f.bea, "WATCH", f.forum.id)]);
    expect(await h.db((db) => db.forumSubscription.count({ where: { userId: f.bea.id, forumId: f.forum.id, threadId: null } }))).toBe(1);
    const back = await h.call(forumLevel.action as never, {
      request: f.bea.request(h.path(`${f.forum.id}/notifications`), { form: { level: "NORMAL", returnTo: `/c/${h.tenant.slug}/forums/${f.forum.id}?page=2` } }),
      params: { forumId: f.forum.id },
    });
    expect(back.headers.get("Location")).toBe(`/c/${h.tenant.slug}/forums/${f.forum.id}?page=2#notifications`);
    // NORMAL is the default: the forum's row goes.
    expect(await h.db((db) => db.forumSubscription.count({ where: { userId: f.bea.id, forumId: f.forum.id, threadId: null } }))).toBe(0);
    const elsewhere = await h.call(forumLevel.action as never, {
      request: f.bea.request(h.path(`${f.forum.id}/notifications`), { form: { level: "NORMAL", returnTo: "https://evil.example/" } }),
      params: { forumId: f.forum.id },
    });
    expect(elsewhere.headers.get("Location")).toBe(`/c/${h.tenant.slug}/forums/${f.forum.id}#notifications`);
    const page = await h.call(threadLevel.loader as never, { request: f.bea.request(h.path(`${f.forum.id}/threads/${threadId}/notifications`)), params: { forumId: f.forum.id, threadId } });
    expect(page.data).toMatchObject({ name: "Form thread", level: "WATCH" });
  });

  it("refuse a level that is not one of the three, saying so next to the field", async () => {
    const result = await setLevel(f.bea, "LOUD", f.forum.id);
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ errors: { level: "Choose Watch, Normal or Mute." } });
  });

  it("answer 404 to someone outside the forum, for a thread of another forum, and to another coalition", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Not yours");
    expect((await setLevel(f.outsider, "WATCH", f.forum.id)).status).toBe(404);
    expect((await setLevel(f.otherStakeholder, "WATCH", f.forum.id, threadId)).status).toBe(404);
    const g = await forumFixture(h);
    expect((await setLevel(f.alice, "WATCH", f.forum.id, (await startThread(h, g.forum.id, g.secretariat.id, "Other forum")).threadId)).status).toBe(404);
    const theirs = await h.call(forumLevel.action as never, {
      request: other.member.request(other.path(`${f.forum.id}/notifications`), { form: { level: "WATCH" } }),
      params: { tenant: other.tenant.slug, forumId: f.forum.id },
    });
    expect(theirs.status).toBe(404);
    expect(await h.db((db) => db.forumSubscription.count({ where: { userId: { in: [f.outsider.id, f.otherStakeholder.id, other.member.id] } } }))).toBe(0);
  });
});

describe("the personal notifications page", () => {
  it("lists the person's levels by name and saves their digest choice", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Listed thread");
    await setLevel(f.moderator, "MUTE", f.forum.id, threadId);
    await setLevel(f.moderator, "WATCH", f.forum.id);
    const page = await h.call(preferences.loader as never, { request: f.moderator.request(h.path("notifications")) });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ frequency: "NONE", emailUpdates: true });
    const choices = (page.data as { choices: { forum: string; thread: string | null; level: string }[] }).choices;
    expect(choices).toEqual(expect.arrayContaining([expect.objectContaining({ forum: f.forum.name, thread: null, level: "WATCH" }), expect.objectContaining({ thread: "Listed thread", level: "MUTE" })]));

    const saved = await h.call(preferences.action as never, { request: f.moderator.request(h.path("notifications"), { form: { intent: "digest", frequency: "WEEKLY" } }) });
    expect(saved.data).toMatchObject({ ok: true, notice: "Digest: Weekly." });
    const bad = await h.call(preferences.action as never, { request: f.moderator.request(h.path("notifications"), { form: { intent: "digest", frequency: "HOURLY" } }) });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { frequency: "Choose no digest, daily or weekly." }, values: { frequency: "HOURLY" } });
    expect(await h.db((db) => db.forumDigestPreference.findFirst({ where: { userId: f.moderator.id }, select: { frequency: true } }))).toEqual({ frequency: "WEEKLY" });

    // Off for months, then on again: the first digest covers one week, not the months between.
    const save = (frequency: string) => h.call(preferences.action as never, { request: f.moderator.request(h.path("notifications"), { form: { intent: "digest", frequency } }) });
    await save("NONE");
    await h.db((db) => db.forumDigestPreference.updateMany({ where: { userId: f.moderator.id }, data: { lastSentAt: new Date("2026-01-01T06:00:00Z") } }));
    await save("DAILY");
    expect(await h.db((db) => db.forumDigestPreference.findFirst({ where: { userId: f.moderator.id }, select: { frequency: true, lastSentAt: true } }))).toEqual({ frequency: "DAILY", lastSentAt: null });
  });

  it("needs a signed-in member of the coalition", async () => {
    const anonymous = await h.call(preferences.loader as never, { request: new Request(`http://localhost${h.path("notifications")}`) });
    expect(anonymous.status).toBe(302);
    const theirs = await h.call(preferences.loader as never, { request: other.member.request(h.path("notifications")) });
    expect(theirs.status).toBe(404);
  });
});

describe("one-click unsubscribe", () => {
  const url = (token: string, harness: { path(sub?: string): string } = h) => `http://localhost${harness.path(`unsubscribe?token=${encodeURIComponent(token)}`)}`;

  it("mutes the thread from a mention's own link, without a session; the same POST again changes nothing", async () => {
    const { threadId } = await replyIn("Unsubscribe me", f.alice, "@Bea hello", [f.bea]);
    const mail = await mailbox.waitFor((m) => m.to.includes(f.bea.email.toLowerCase()) && m.subject.includes("Unsubscribe me"));
    const link = mail.headers["list-unsubscribe"]!.slice(1, -1);
    expect(mail.text).toContain(link);

    const page = await h.call(unsubscribe.loader as never, { request: new Request(link) });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ valid: true, kind: "thread", thread: "Unsubscribe me", forum: f.forum.name });
    // Opening the page changes nothing.
    expect(await h.db((db) => db.forumSubscription.count({ where: { userId: f.bea.id, threadId } }))).toBe(0);

    for (let i = 0; i < 2; i++) {
      const done = await h.call(unsubscribe.action as never, { request: oneClick(link) });
      expect(done.status).toBe(200);
      expect(done.data).toEqual({ done: true });
    }
    expect(await h.db((db) => db.forumSubscription.findMany({ where: { userId: f.bea.id, threadId }, select: { level: true } }))).toEqual([{ level: "MUTE" }]);
    await replyIn("", f.alice, "@Bea again", [f.bea], threadId);
    await new Promise((r) => setTimeout(r, 200));
    expect(mailTo(f.bea, "Unsubscribe me")).toHaveLength(1);
  });

  it("stops a watched forum's emails from their link, and the digest from its own", async () => {
    await setLevel(f.arturo, "WATCH", f.forum.id);
    await h.db((db) => db.forumDigestPreference.create({ data: { tenantId: h.tenant.id, userId: f.arturo.id, frequency: "DAILY" } }));
    await h.call(unsubscribe.action as never, { request: oneClick(url(unsubscribeToken(h.tenant.id, f.arturo.id, { kind: "forum", forumId: f.forum.id }))) });
    expect(await h.db((db) => db.forumSubscription.count({ where: { userId: f.arturo.id, forumId: f.forum.id, threadId: null } }))).toBe(0);
    const digest = url(unsubscribeToken(h.tenant.id, f.arturo.id, { kind: "digest" }));
    expect((await h.call(unsubscribe.loader as never, { request: new Request(digest) })).data).toMatchObject({ valid: true, kind: "digest", coalition: h.tenant.name });
    expect((await h.call(unsubscribe.action as never, { request: oneClick(digest) })).status).toBe(200);
    expect(await h.db((db) => db.forumDigestPreference.findFirst({ where: { userId: f.arturo.id }, select: { frequency: true } }))).toEqual({ frequency: "NONE" });
  });

  it("refuses a token that was altered, made up, or made for another coalition, and changes nothing", async () => {
    const { threadId } = await startThread(h, f.forum.id, f.secretariat.id, "Tamper");
    const token = unsubscribeToken(h.tenant.id, f.alice.id, { kind: "thread", forumId: f.forum.id, threadId });
    const [body, signature] = token.split(".");
    const forBea = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, "base64url").toString()), u: f.bea.id })).toString("base64url");
    for (const bad of [`${forBea}.${signature}`, `${body}.${signature!.slice(0, -3)}abc`, "nonsense", ""]) {
      expect((await h.call(unsubscribe.action as never, { request: oneClick(url(bad)) })).status).toBe(400);
      expect((await h.call(unsubscribe.loader as never, { request: new Request(url(bad)) })).status).toBe(400);
    }
    // A real token of this coalition, replayed at another coalition's address.
    expect((await h.call(unsubscribe.action as never, { request: oneClick(url(token, other)), params: { tenant: other.tenant.slug } })).status).toBe(400);
    // A thread that is not in the forum the token names.
    const g = await forumFixture(h);
    const elsewhere = unsubscribeToken(h.tenant.id, f.alice.id, { kind: "thread", forumId: g.forum.id, threadId });
    expect((await h.call(unsubscribe.action as never, { request: oneClick(url(elsewhere)) })).status).toBe(400);
    expect(await h.db((db) => db.forumSubscription.count({ where: { threadId } }))).toBe(0);
  });
});
