import { describe, expect, it } from "vitest";
import type { HarnessPerson, PluginHarness } from "@commons/plugin-sdk/testing";
import * as forumPage from "../routes/threads/forum.tsx";
import * as newThread from "../routes/threads/new-thread.tsx";
import * as threadPage from "../routes/threads/thread.tsx";
import * as flagPage from "../routes/threads/flag.tsx";
import * as hidePage from "../routes/threads/hide.tsx";
import * as flagsPage from "../routes/threads/flags.tsx";
import * as editPage from "../routes/threads/edit-post.tsx";
import { createForum, forumFixture, type ForumFixture, useForumFixture } from "./helpers.ts";

let h: PluginHarness;
let f: ForumFixture;
useForumFixture((made) => ({ h, f } = made));

const forumUrl = (sub = "") => h.path(`${f.forum.id}${sub}`);
type Failure = { ok: false; errors: Record<string, string>; formError?: string; values: Record<string, string> };
type ThreadData = { posts: { id: string; number: number; html: string | null; hidden: boolean; hiddenReason: string }[]; thread: { locked: boolean }; canReply: boolean };

async function startThread(p: HarnessPerson, title: string, body: string) {
  const r = await h.call(newThread.action, { request: p.request(forumUrl("/threads/new"), { form: { title, body } }), params: { forumId: f.forum.id } });
  expect(r.status).toBe(302);
  return r.headers.get("Location")!.split("/threads/")[1]!.split("?")[0]!;
}

function threadAs(p: HarnessPerson, threadId: string) {
  return h.call(threadPage.loader, { request: p.request(forumUrl(`/threads/${threadId}`)), params: { forumId: f.forum.id, threadId } });
}

function postTo(p: HarnessPerson, threadId: string, form: Record<string, string>) {
  return h.call(threadPage.action, { request: p.request(forumUrl(`/threads/${threadId}`), { form }), params: { forumId: f.forum.id, threadId } });
}

async function firstPost(threadId: string) {
  return h.db((db) => db.forumPost.findFirstOrThrow({ where: { threadId, number: 1 }, select: { id: true } }));
}

describe("flags", () => {
  it("lets a participant flag another's post once, with a reason, and shows it to moderators", async () => {
    const threadId = await startThread(f.alice, "Flag me", "Something rude.");
    const { id: postId } = await firstPost(threadId);
    const params = { forumId: f.forum.id, postId };
    const url = forumUrl(`/posts/${postId}/flag`);

    const noReason = await h.call(flagPage.action, { request: f.bea.request(url, { form: { reason: " " } }), params });
    expect(noReason.status).toBe(400);
    expect((noReason.data as Failure).errors.reason).toBe("Give a reason.");

    expect((await h.call(flagPage.action, { request: f.bea.request(url, { form: { reason: "Insulting" } }), params })).status).toBe(200);
    const again = await h.call(flagPage.action, { request: f.bea.request(url, { form: { reason: "Still insulting" } }), params });
    expect(again.status).toBe(409);
    expect((again.data as Failure).formError).toBe("You have already flagged this post.");
    expect((again.data as Failure).values.reason).toBe("Still insulting");
    expect((await h.call(flagPage.action, { request: f.stakeholder.request(url, { form: { reason: "Off topic" } }), params })).status).toBe(200);

    // Not one's own post.
    expect((await h.call(flagPage.loader, { request: f.alice.request(url), params })).status).toBe(404);

    const list = await h.call(flagsPage.loader, { request: f.moderator.request(forumUrl("/flags")), params: { forumId: f.forum.id } });
    expect(list.status).toBe(200);
    const flags = (list.data as { flags: { postId: string; reason: string; by: string }[] }).flags.filter((x) => x.postId === postId);
    expect(flags.map((x) => x.reason).sort()).toEqual(["Insulting", "Off topic"]);
    const home = await h.call(forumPage.loader, { request: f.moderator.request(forumUrl()), params: { forumId: f.forum.id } });
    expect((home.data as { openFlags: number }).openFlags).toBeGreaterThanOrEqual(2);

    // Participants who do not moderate see no flags page.
    expect((await h.call(flagsPage.loader, { request: f.bea.request(forumUrl("/flags")), params: { forumId: f.forum.id } })).status).toBe(404);
  });
});

describe("hiding and restoring", () => {
  it("hides a post from others, keeps it for its author and moderators, emails the author why and records it", async () => {
    const mailbox = await h.mailbox();
    try {
      const threadId = await startThread(f.alice, "Hide me", "Unkind words.");
      const { id: postId } = await firstPost(threadId);
      await h.call(flagPage.action, { request: f.bea.request(forumUrl(`/posts/${postId}/flag`), { form: { reason: "Unkind" } }), params: { forumId: f.forum.id, postId } });
      const params = { forumId: f.forum.id, postId };
      const url = forumUrl(`/posts/${postId}/hide`);

      // Only moderators may hide.
      expect((await h.call(hidePage.loader, { request: f.bea.request(url), params })).status).toBe(404);
      expect((await h.call(hidePage.action, { request: f.bea.request(url, { form: { reason: "x" } }), params })).status).toBe(404);
      expect((await h.call(hidePage.action, { request: f.moderator.request(url, { form: { reason: "" } }), params })).status).toBe(400);

      const hidden = await h.call(hidePage.action, { request: f.moderator.request(url, { form: { reason: "Personal attack (rule 1)" } }), params });
      expect(hidden.status).toBe(302);

      const forOthers = ((await threadAs(f.bea, threadId)).data as ThreadData).posts[0]!;
      expect(forOthers).toMatchObject({ hidden: true, html: null, hiddenReason: "" });
      const forAuthor = ((await threadAs(f.alice, threadId)).data as ThreadData).posts[0]!;
      expect(forAuthor).toMatchObject({ hidden: true, hiddenReason: "Personal attack (rule 1)" });
      expect(forAuthor.html).toContain("Unkind words.");
      expect(((await threadAs(f.secretariat, threadId)).data as ThreadData).posts[0]!.html).toContain("Unkind words.");

      // Its flags are dealt with.
      expect(await h.db((db) => db.forumFlag.count({ where: { postId, resolvedAt: null } }))).toBe(0);

      const activity = await h.db((db) => db.activity.findFirstOrThrow({ where: { action: "forums.post_hidden", subjectId: postId }, select: { actorId: true, data: true } }));
      expect(activity.actorId).toBe(f.moderator.id);
      expect(activity.data).toMatchObject({ reason: "Personal attack (rule 1)", number: 1, thread: "Hide me" });

      const [event] = (await h.events("forums.post_hidden")).filter((e) => (e.payload as { postId: string }).postId === postId);
      expect((await h.dispatch(event!.type, event!.payload as Record<string, unknown>, { eventId: event!.id })).outcome).toBe("ran");
      const mail = await mailbox.waitFor((m) => m.to.includes(f.alice.email) && m.subject.includes("hid your post"));
      expect(mail.text).toContain("Personal attack (rule 1)");
      expect(mail.text).toContain(`/threads/${threadId}?page=1#post-1`);

      // Restore: shown again, recorded, the author told.
      const restored = await postTo(f.moderator, threadId, { intent: "restore", postId });
      expect(restored.status).toBe(200);
      expect(((await threadAs(f.bea, threadId)).data as ThreadData).posts[0]).toMatchObject({ hidden: false });
      expect(await h.db((db) => db.activity.count({ where: { action: "forums.post_restored", subjectId: postId } }))).toBe(1);
      const [back] = (await h.events("forums.post_restored")).filter((e) => (e.payload as { postId: string }).postId === postId);
      await h.dispatch(back!.type, back!.payload as Record<string, unknown>, { eventId: back!.id });
      await mailbox.waitFor((m) => m.to.includes(f.alice.email) && m.subject.includes("shown again"));

      // A participant may not restore.
      expect((await postTo(f.bea, threadId, { intent: "restore", postId })).status).toBe(404);
    } finally {
      await mailbox.close();
    }
  });
});

describe("locked threads", () => {
  it("refuses replies clearly while locked, keeps the typed text, and records lock and unlock", async () => {
    const threadId = await startThread(f.alice, "Lock me", "Closing soon.");
    expect((await postTo(f.bea, threadId, { intent: "lock" })).status).toBe(404);
    expect((await postTo(f.moderator, threadId, { intent: "lock" })).status).toBe(200);
    const page = (await threadAs(f.bea, threadId)).data as ThreadData;
    expect(page.thread.locked).toBe(true);
    expect(page.canReply).toBe(false);

    const refused = await postTo(f.bea, threadId, { intent: "reply", body: "One more thing" });
    expect(refused.status).toBe(409);
    expect((refused.data as Failure).formError).toBe("This thread is locked: no new replies can be posted.");
    expect((refused.data as Failure).values.body).toBe("One more thing");
    expect(await h.db((db) => db.forumPost.count({ where: { threadId } }))).toBe(1);

    // The author may no longer edit in a locked thread.
    const { id: postId } = await firstPost(threadId);
    const edit = await h.call(editPage.action, { request: f.alice.request(forumUrl(`/posts/${postId}/edit`), { form: { body: "Changed" } }), params: { forumId: f.forum.id, postId } });
    expect(edit.status).toBe(409);

    expect((await postTo(f.secretariat, threadId, { intent: "unlock" })).status).toBe(200);
    expect((await postTo(f.bea, threadId, { intent: "reply", body: "One more thing" })).status).toBe(302);
    const actions = await h.db((db) => db.activity.findMany({ where: { subjectId: threadId }, orderBy: { createdAt: "asc" }, select: { action: true } }));
    expect(actions.map((a) => a.action)).toEqual(["forums.thread_locked", "forums.thread_unlocked"]);
  });
});

describe("who may not reach a forum's threads", () => {
  it("answers 404 to a member whose organisation is not in, a stakeholder not in this forum, and another coalition", async () => {
    const threadId = await startThread(f.alice, "Private", "Only for us.");
    const { id: postId } = await firstPost(threadId);
    const other = await h.otherTenant();
    for (const p of [f.outsider, f.otherStakeholder, other.member]) {
      expect((await h.call(forumPage.loader, { request: p.request(forumUrl()), params: { forumId: f.forum.id } })).status).toBe(404);
      expect((await threadAs(p, threadId)).status).toBe(404);
      expect((await postTo(p, threadId, { intent: "reply", body: "let me in" })).status).toBe(404);
      expect((await h.call(flagPage.action, { request: p.request(forumUrl(`/posts/${postId}/flag`), { form: { reason: "x" } }), params: { forumId: f.forum.id, postId } })).status).toBe(404);
      expect((await h.call(newThread.action, { request: p.request(forumUrl("/threads/new"), { form: { title: "Sneaky", body: "x" } }), params: { forumId: f.forum.id } })).status).toBe(404);
    }
    expect(await h.db((db) => db.forumPost.count({ where: { threadId } }))).toBe(1);
  });

  it("answers 404 for a thread of another forum under this forum's URL", async () => {
    const otherForum = await createForum(h, f.secretariat.id, { access: "OPEN" });
    const r = await h.call(newThread.action, { request: f.alice.request(h.path(`${otherForum.id}/threads/new`), { form: { title: "Elsewhere", body: "x" } }), params: { forumId: otherForum.id } });
    // The OPEN forum has rules Alice has not accepted: she is sent to them first.
    expect([302, 404]).toContain(r.status);
    const theirs = await h.db((db) => db.forumThread.create({ data: { tenantId: h.tenant.id, forumId: otherForum.id, title: "Theirs", authorId: f.secretariat.id }, select: { id: true } }));
    expect((await threadAs(f.alice, theirs.id)).status).toBe(404);
  });
});

describe("the forum's rules and its archive", () => {
  it("sends a participant who has not accepted the rules to them before the threads, and refuses their post", async () => {
    const g = await forumFixture(h, { acceptRules: false });
    const page = await h.call(forumPage.loader, { request: g.alice.request(h.path(g.forum.id)), params: { forumId: g.forum.id } });
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toContain(`/forums/${g.forum.id}/rules?next=`);
    const post = await h.call(newThread.action, { request: g.alice.request(h.path(`${g.forum.id}/threads/new`), { form: { title: "Before the rules", body: "x" } }), params: { forumId: g.forum.id } });
    expect(post.status).toBe(302);
    expect(await h.db((db) => db.forumThread.count({ where: { forumId: g.forum.id } }))).toBe(0);
  });

  it("refuses new threads and replies in an archived forum, keeping the text", async () => {
    const threadId = await startThread(f.alice, "Before the archive", "Last words.");
    await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { archivedAt: new Date() } }));
    try {
      const reply = await postTo(f.bea, threadId, { intent: "reply", body: "Too late?" });
      expect(reply.status).toBe(409);
      expect((reply.data as Failure).formError).toBe("This forum is archived: nothing new can be posted.");
      expect((reply.data as Failure).values.body).toBe("Too late?");
      const started = await h.call(newThread.action, { request: f.bea.request(forumUrl("/threads/new"), { form: { title: "New after archive", body: "x" } }), params: { forumId: f.forum.id } });
      expect(started.status).toBe(409);
      expect(((await threadAs(f.bea, threadId)).data as ThreadData).canReply).toBe(false);
    } finally {
      await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { archivedAt: null } }));
    }
  });
});
