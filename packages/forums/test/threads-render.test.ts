import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import ForumHome, * as forumPage from "../routes/threads/forum.tsx";
import NewThread, * as newThread from "../routes/threads/new-thread.tsx";
import ThreadPage, * as threadPage from "../routes/threads/thread.tsx";
import EditPost, * as editPage from "../routes/threads/edit-post.tsx";
import PostHistory, * as historyPage from "../routes/threads/history.tsx";
import FlagPost, * as flagPage from "../routes/threads/flag.tsx";
import HidePost, * as hidePage from "../routes/threads/hide.tsx";
import Flags, * as flagsPage from "../routes/threads/flags.tsx";
import { expectOneH1, forumFixture, type ForumFixture, renderPage } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
let threadId: string;
let firstPostId: string;
let secondPostId: string;
beforeAll(async () => {
  h = await createPluginHarness(forums);
  f = await forumFixture(h);
  const started = await h.call(newThread.action, { request: f.alice.request(h.path(`${f.forum.id}/threads/new`), { form: { title: "Water permits", body: "Who has the **permit** list?" } }), params: { forumId: f.forum.id } });
  threadId = started.headers.get("Location")!.split("/threads/")[1]!.split("?")[0]!;
  await h.call(threadPage.action, { request: f.bea.request(h.path(`${f.forum.id}/threads/${threadId}`), { form: { intent: "reply", body: "We do. <script>alert(1)</script>" } }), params: { forumId: f.forum.id, threadId } });
  const posts = await h.db((db) => db.forumPost.findMany({ where: { threadId }, orderBy: { number: "asc" }, select: { id: true } }));
  firstPostId = posts[0]!.id;
  secondPostId = posts[1]!.id;
  await h.call(editPage.action, { request: f.alice.request(h.path(`${f.forum.id}/posts/${firstPostId}/edit`), { form: { body: "Who has the **permits** list?" } }), params: { forumId: f.forum.id, postId: firstPostId } });
  await h.call(flagPage.action, { request: f.alice.request(h.path(`${f.forum.id}/posts/${secondPostId}/flag`), { form: { reason: "Script in post" } }), params: { forumId: f.forum.id, postId: secondPostId } });
});
afterAll(() => h?.close());

const ids = () => ({ forumId: f.forum.id, threadId, postId: firstPostId });
async function data(loader: (args: never) => Promise<unknown>, p: HarnessPerson, sub: string, params: Record<string, string> = ids()) {
  const r = await h.call(loader as never, { request: p.request(h.path(`${f.forum.id}${sub}`)), params });
  expect(r.status).toBe(200);
  return r.data;
}

describe("the threads pages' markup", () => {
  it("lists the forum's threads in a table with a New thread link", async () => {
    const html = renderPage(ForumHome, await data(forumPage.loader, f.bea, ""));
    expectOneH1(html);
    expect(html).toContain("Water permits");
    expect(html).toContain('scope="col">Replies</th>');
    expect(html).toContain(`/forums/${f.forum.id}/threads/new`);
    expect(html).not.toContain("Flagged posts");
    expect(renderPage(ForumHome, await data(forumPage.loader, f.moderator, ""))).toContain("Flagged posts (1)");
  });

  it("shows posts with byline, edited mark, sanitised body, actions and a labelled reply form that works without JavaScript", async () => {
    const html = renderPage(ThreadPage, await data(threadPage.loader, f.stakeholder, `/threads/${threadId}`));
    expectOneH1(html);
    expect(html).toContain(`Post 1 by ${f.alice.name}`);
    expect(html).toContain(f.organisations.river.name);
    expect(html).toMatch(/edited [^<]+/);
    expect(html).toContain("<strong>permits</strong>");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain('method="post"');
    expect(html).toMatch(/enctype="multipart\/form-data"/i);
    expect(html).toContain('name="intent" value="reply"');
    expect(html).toMatch(/<label[^>]*for="field-body"/);
    expect(html).toContain("Up to 20,000 characters.");
    expect(html).toContain(">Quote</a>");
    expect(html).toContain(">Flag</a>");
    expect(html).not.toContain(">History</a>");
    expect(html).not.toContain("Lock thread");
    // Watch / Normal / Mute for this thread, a plain form.
    expect(html).toMatch(/<form[^>]*action="[^"]*\/threads\/[^"]*\/notifications"/);
  });

  it("gives moderators lock, hide and history, and prefills a quote", async () => {
    const html = renderPage(ThreadPage, await data(threadPage.loader, f.moderator, `/threads/${threadId}?quote=${firstPostId}`));
    expect(html).toContain("Lock thread");
    expect(html).toContain(">History</a>");
    expect(html).toContain(">Hide</a>");
    expect(html).toContain(`name="quotedPostId" value="${firstPostId}"`);
    expect(html).toContain(`&gt; **${f.alice.name}:**`);
  });

  it("keeps the typed text and shows errors next to the fields after a failed post", async () => {
    const failed = await h.call(newThread.action, { request: f.bea.request(h.path(`${f.forum.id}/threads/new`), { form: { title: "Hi", body: "kept text" } }), params: { forumId: f.forum.id } });
    const html = renderPage(NewThread, await data(newThread.loader, f.bea, "/threads/new"), failed.data);
    expectOneH1(html);
    expect(html).toContain("There is a problem");
    expect(html).toContain("Enter a title of at least 3 characters.");
    expect(html).toContain(">kept text</textarea>");
    expect(html).toContain('value="Hi"');
  });

  it("renders edit, history, flag, hide and flags pages", async () => {
    const edit = renderPage(EditPost, await data(editPage.loader, f.alice, `/posts/${firstPostId}/edit`));
    expectOneH1(edit);
    expect(edit).toContain("Who has the **permits** list?</textarea>");
    const history = renderPage(PostHistory, await data(historyPage.loader, f.moderator, `/posts/${firstPostId}/history`));
    expectOneH1(history);
    expect(history).toContain("Who has the **permit** list?");
    const flag = renderPage(FlagPost, await data(flagPage.loader, f.bea, `/posts/${firstPostId}/flag`));
    expectOneH1(flag);
    expect(flag).toMatch(/<label[^>]*for="field-reason"/);
    const hide = renderPage(HidePost, await data(hidePage.loader, f.moderator, `/posts/${secondPostId}/hide`, { forumId: f.forum.id, postId: secondPostId }));
    expectOneH1(hide);
    const flags = renderPage(Flags, await data(flagsPage.loader, f.moderator, "/flags", { forumId: f.forum.id }));
    expectOneH1(flags);
    expect(flags).toContain("Script in post");
    expect(flags).toContain('name="intent" value="dismiss"');
  });
});
