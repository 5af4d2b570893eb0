import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import { checkModules } from "@commons/plugin-sdk";
import forums from "../manifest.ts";
import * as forumPage from "../routes/threads/forum.tsx";
import * as newThread from "../routes/threads/new-thread.tsx";
import * as threadPage from "../routes/threads/thread.tsx";
import * as editPage from "../routes/threads/edit-post.tsx";
import * as historyPage from "../routes/threads/history.tsx";
import * as attachmentRoute from "../routes/threads/attachment.ts";
import { findMentions } from "../src/threads/mentions.ts";
import { POST_MAX } from "../src/threads/limits.ts";
import { forumFixture, type ForumFixture } from "./helpers.ts";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "forums-threads-"));

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
beforeAll(async () => {
  h = await createPluginHarness(forums);
  // A core module's settings are stored by configure, not by the harness's options.
  await h.configure({ settings: { attachmentMaxMegabytes: 1 } });
  f = await forumFixture(h);
});
afterAll(() => h?.close());

const forumUrl = (sub = "") => h.path(`${f.forum.id}${sub}`);

async function startThread(p: HarnessPerson, title: string, body: string) {
  const r = await h.call(newThread.action, { request: p.request(forumUrl("/threads/new"), { form: { title, body } }), params: { forumId: f.forum.id } });
  expect(r.status).toBe(302);
  const threadId = r.headers.get("Location")!.split("/threads/")[1]!.split("?")[0]!;
  return threadId;
}

function replyAs(p: HarnessPerson, threadId: string, form: Record<string, string>) {
  return h.call(threadPage.action, { request: p.request(forumUrl(`/threads/${threadId}`), { form: { intent: "reply", ...form } }), params: { forumId: f.forum.id, threadId } });
}

function threadAs(p: HarnessPerson, threadId: string, query = "") {
  return h.call(threadPage.loader, { request: p.request(forumUrl(`/threads/${threadId}${query}`)), params: { forumId: f.forum.id, threadId } });
}

type ThreadData = { posts: { id: string; number: number; html: string | null; hidden: boolean; editedAt: string | null; author: { name: string; affiliation: string } | null; files: { id: string; fileName: string }[] }[]; page: number; pages: number; quote: { id: string; text: string } | null };
type Failure = { ok: false; errors: Record<string, string>; formError?: string; values: Record<string, string> };

describe("threads and replies", () => {
  it("starts a thread, lists it on the forum's home with its author and replies, and records post.created", async () => {
    const threadId = await startThread(f.alice, "Road map for the 2027 report", "Let us **agree** on the chapters.");
    await replyAs(f.bea, threadId, { body: "Agreed." });
    const home = await h.call(forumPage.loader, { request: f.arturo.request(forumUrl()), params: { forumId: f.forum.id } });
    expect(home.status).toBe(200);
    const listed = (home.data as { threads: { id: string; title: string; author: string; replies: number }[] }).threads.find((t) => t.id === threadId);
    expect(listed).toMatchObject({ title: "Road map for the 2027 report", author: f.alice.name, replies: 1 });

    const page = (await threadAs(f.stakeholder, threadId)).data as ThreadData;
    expect(page.posts.map((p) => p.number)).toEqual([1, 2]);
    expect(page.posts[0]!.html).toContain("<strong>agree</strong>");
    expect(page.posts[0]!.author).toEqual({ name: f.alice.name, affiliation: f.organisations.river.name });

    const events = await h.events("post.created");
    const ids = await h.db((db) => db.forumPost.findMany({ where: { threadId }, orderBy: { number: "asc" }, select: { id: true } }));
    expect(events.map((e) => (e.payload as { postId: string }).postId)).toEqual(expect.arrayContaining(ids.map((p) => p.id)));
  });

  it("shows a stakeholder's affiliation in this forum beside their name", async () => {
    const threadId = await startThread(f.stakeholder, "Energy department position", "Our position follows.");
    const page = (await threadAs(f.alice, threadId)).data as ThreadData;
    expect(page.posts[0]!.author).toEqual({ name: f.stakeholder.name, affiliation: "Department of Energy" });
  });

  it("stores the mentioned participants, not outsiders, and not in quoted lines", async () => {
    const threadId = await startThread(f.alice, "Mentions", `Hello @${f.bea.name} and @${f.outsider.name}.\n\n> @${f.arturo.name} said so`);
    const post = await h.db((db) => db.forumPost.findFirstOrThrow({ where: { threadId, number: 1 }, select: { mentionedUserIds: true } }));
    expect(post.mentionedUserIds).toEqual([f.bea.id]);
  });

  it("refuses an empty post, an oversized one and a short title, keeping what was typed", async () => {
    const empty = await h.call(newThread.action, { request: f.alice.request(forumUrl("/threads/new"), { form: { title: "ok title", body: "   " } }), params: { forumId: f.forum.id } });
    expect(empty.status).toBe(400);
    expect((empty.data as Failure).errors.body).toBe("Write a message.");
    expect((empty.data as Failure).values.title).toBe("ok title");

    const long = "x".repeat(POST_MAX + 1);
    const tooLong = await h.call(newThread.action, { request: f.alice.request(forumUrl("/threads/new"), { form: { title: "A", body: long } }), params: { forumId: f.forum.id } });
    expect(tooLong.status).toBe(400);
    expect((tooLong.data as Failure).errors).toMatchObject({ title: expect.stringContaining("at least 3"), body: expect.stringContaining("at most 20000") });
    expect((tooLong.data as Failure).values.body).toBe(long);

    const threadId = await startThread(f.alice, "Limits", "First.");
    const blank = await replyAs(f.bea, threadId, { body: "" });
    expect(blank.status).toBe(400);
    expect(await h.db((db) => db.forumPost.count({ where: { threadId } }))).toBe(1);
  });

  it("renders script injection attempts inert", async () => {
    const attacks = [
      "<script>alert(1)</script>",
      "[click](javascript:alert(1))",
      '<img src=x onerror="alert(1)">',
      '<iframe src="https://evil.example"></iframe>',
      "[x](JaVaScRiPt:alert(1))",
      '<a href="https://example.org" onclick="alert(1)">a</a>',
    ].join("\n\n");
    const threadId = await startThread(f.alice, "Injection", attacks);
    const html = ((await threadAs(f.bea, threadId)).data as ThreadData).posts[0]!.html!;
    expect(html).not.toMatch(/<script|<iframe|onerror=|onclick=|javascript:/i);
    const linked = await startThread(f.alice, "A link", "[report](https://example.org/report)");
    expect(((await threadAs(f.bea, linked)).data as ThreadData).posts[0]!.html).toMatch(/rel="[^"]*nofollow[^"]*ugc|rel="[^"]*ugc[^"]*nofollow/);
  });
});

describe("quoting", () => {
  it("prefills the reply with the quoted post as a blockquote under its author, and stores quotedPostId", async () => {
    const threadId = await startThread(f.bea, "Budget", "We need 3 more months.\nAnd a reviewer.");
    const first = ((await threadAs(f.alice, threadId)).data as ThreadData).posts[0]!;
    const page = (await threadAs(f.alice, threadId, `?quote=${first.id}`)).data as ThreadData;
    expect(page.quote?.id).toBe(first.id);
    expect(page.quote?.text).toBe(`> **${f.bea.name}:**\n>\n> We need 3 more months.\n> And a reviewer.\n\n`);
    const r = await replyAs(f.alice, threadId, { body: `${page.quote!.text}Fine by us.`, quotedPostId: first.id });
    expect(r.status).toBe(302);
    const reply = await h.db((db) => db.forumPost.findFirstOrThrow({ where: { threadId, number: 2 }, select: { quotedPostId: true, bodyHtml: true } }));
    expect(reply.quotedPostId).toBe(first.id);
    expect(reply.bodyHtml).toContain("<blockquote>");
  });
});

describe("editing", () => {
  it("lets the author edit, marks the post edited, keeps the old text for moderators only", async () => {
    const threadId = await startThread(f.alice, "Edits", "Frist draft.");
    const post = ((await threadAs(f.alice, threadId)).data as ThreadData).posts[0]!;
    const params = { forumId: f.forum.id, postId: post.id };
    const edited = await h.call(editPage.action, { request: f.alice.request(forumUrl(`/posts/${post.id}/edit`), { form: { body: "First draft." } }), params });
    expect(edited.status).toBe(302);
    const after = ((await threadAs(f.bea, threadId)).data as ThreadData).posts[0]!;
    expect(after.html).toContain("First draft.");
    expect(after.editedAt).not.toBeNull();

    // Someone else may not edit it.
    expect((await h.call(editPage.loader, { request: f.bea.request(forumUrl(`/posts/${post.id}/edit`)), params })).status).toBe(404);
    expect((await h.call(editPage.action, { request: f.bea.request(forumUrl(`/posts/${post.id}/edit`), { form: { body: "mine now" } }), params })).status).toBe(404);

    // The history: moderators and managers see it, the author and others do not.
    const history = await h.call(historyPage.loader, { request: f.moderator.request(forumUrl(`/posts/${post.id}/history`)), params });
    expect(history.status).toBe(200);
    expect((history.data as { revisions: { body: string; by: string }[] }).revisions).toEqual([expect.objectContaining({ body: "Frist draft.", by: f.alice.name })]);
    expect((await h.call(historyPage.loader, { request: f.secretariat.request(forumUrl(`/posts/${post.id}/history`)), params })).status).toBe(200);
    expect((await h.call(historyPage.loader, { request: f.alice.request(forumUrl(`/posts/${post.id}/history`)), params })).status).toBe(404);
    expect((await h.call(historyPage.loader, { request: f.bea.request(forumUrl(`/posts/${post.id}/history`)), params })).status).toBe(404);
  });

  it("refuses an empty edit and keeps the text as it was", async () => {
    const threadId = await startThread(f.alice, "Empty edit", "Stays.");
    const post = ((await threadAs(f.alice, threadId)).data as ThreadData).posts[0]!;
    const r = await h.call(editPage.action, { request: f.alice.request(forumUrl(`/posts/${post.id}/edit`), { form: { body: "" } }), params: { forumId: f.forum.id, postId: post.id } });
    expect(r.status).toBe(400);
    expect(await h.db((db) => db.forumPostRevision.count({ where: { postId: post.id } }))).toBe(0);
  });
});

describe("attachments", () => {
  /** `bytes` long, starting as the named type starts (or with `head`), the rest plain letters. */
  function contentOf(file: { name: string; bytes: number; head?: string }): Uint8Array<ArrayBuffer> {
    const bytes = new Uint8Array(file.bytes).fill(65);
    const head = file.head ?? (file.name.endsWith(".pdf") ? "%PDF-1.7\n" : "");
    bytes.set(new TextEncoder().encode(head).slice(0, file.bytes));
    return bytes;
  }

  function multipart(p: HarnessPerson, threadId: string, files: { name: string; bytes: number; head?: string }[], body = "See attached.") {
    const form = new FormData();
    form.set("intent", "reply");
    form.set("body", body);
    for (const file of files) form.append("attachments", new File([contentOf(file)], file.name, { type: "application/octet-stream" }));
    return h.call(threadPage.action, { request: p.request(forumUrl(`/threads/${threadId}`), { method: "POST", body: form }), params: { forumId: f.forum.id, threadId } });
  }

  it("stores an accepted file and serves it to the forum's people only", async () => {
    const threadId = await startThread(f.alice, "Files", "Files follow.");
    const r = await multipart(f.bea, threadId, [{ name: "minutes.pdf", bytes: 2048 }]);
    expect(r.status).toBe(302);
    const post = ((await threadAs(f.alice, threadId)).data as ThreadData).posts[1]!;
    expect(post.files).toEqual([expect.objectContaining({ fileName: "minutes.pdf" })]);
    const attachmentId = post.files[0]!.id;
    const params = { forumId: f.forum.id, attachmentId };
    const download = await h.call(attachmentRoute.loader, { request: f.stakeholder.request(forumUrl(`/attachments/${attachmentId}`)), params });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toContain("attachment");
    expect((await h.call(attachmentRoute.loader, { request: f.outsider.request(forumUrl(`/attachments/${attachmentId}`)), params })).status).toBe(404);
    expect((await h.call(attachmentRoute.loader, { request: f.otherStakeholder.request(forumUrl(`/attachments/${attachmentId}`)), params })).status).toBe(404);
  });

  it("refuses a file over the coalition's limit, a type not on the list and too many files, keeping the text", async () => {
    const threadId = await startThread(f.alice, "Big files", "Start.");
    const big = await multipart(f.bea, threadId, [{ name: "scan.pdf", bytes: 1024 * 1024 + 1 }], "My text stays");
    expect(big.status).toBe(413);
    expect((big.data as Failure).errors.attachments).toBe("scan.pdf is larger than 1 MB.");
    expect((big.data as Failure).values.body).toBe("My text stays");
    const exe = await multipart(f.bea, threadId, [{ name: "tool.exe", bytes: 10 }]);
    expect((exe.data as Failure).errors.attachments).toBe("tool.exe is not a type that can be attached.");
    const svg = await multipart(f.bea, threadId, [{ name: "logo.svg", bytes: 10 }]);
    expect(svg.status).toBe(400);
    // A program or a web page renamed to look like a document is refused by its content.
    const renamed = await multipart(f.bea, threadId, [{ name: "report.pdf", bytes: 100, head: "MZ\x90\x00" }]);
    expect((renamed.data as Failure).errors.attachments).toBe("report.pdf is not the kind of file its name says. Save it again in that format, or attach it as PDF.");
    const page = await multipart(f.bea, threadId, [{ name: "notes.docx", bytes: 100, head: "<html><script>alert(1)</script>" }]);
    expect(page.status).toBe(400);
    const many = await multipart(f.bea, threadId, Array.from({ length: 6 }, (_, i) => ({ name: `n${i}.txt`, bytes: 3 })));
    expect((many.data as Failure).errors.attachments).toBe("Attach at most 5 files.");
    expect(await h.db((db) => db.forumPost.count({ where: { threadId } }))).toBe(1);
  });
});

describe("mentions syntax", () => {
  const people = [
    { userId: "a", name: "Ana Cruz" },
    { userId: "b", name: "Ana Cruz Reyes" },
    { userId: "c", name: "Ben" },
  ];
  it("matches full names case-insensitively, the longest first, at word ends only, not in code or addresses", () => {
    expect(findMentions("hi @ana cruz reyes and @ANA CRUZ.", people)).toEqual(["b", "a"]);
    expect(findMentions("@Ana Cruzado and @Benny", people)).toEqual([]);
    expect(findMentions("mail ben@Ben.org or `@Ben`", people)).toEqual([]);
    expect(findMentions("```\n@Ben\n```\n@Ben, @Ben", people)).toEqual(["c"]);
  });
});

describe("the threads area in the module's manifest", () => {
  it("passes the portal's build checks with the other modules' routes (files included), and its server entry matches", async () => {
    const members = (await import("@commons/members")).default;
    expect(checkModules([members, forums], "0.1.0", { checkFiles: true })).toEqual([]);
    const server = (await import("../server.ts")).default;
    expect(server.subscribers?.["forums.post_hidden"]).toBeTypeOf("function");
    expect(server.emails?.["post-hidden"]).toBeTypeOf("function");
  });
});
