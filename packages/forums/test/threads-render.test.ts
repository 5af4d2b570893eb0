import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, Outlet, RouterProvider } from "react-router-dom";
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
import { forumFixture, type ForumFixture } from "./helpers.ts";

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

/** The page's markup as the server sends it, from the loader's (and action's) real data. */
function render(page: () => unknown, loaderData: unknown, actionData?: unknown): string {
  const router = createMemoryRouter(
    [{ id: "root", path: "/", element: createElement(Outlet), children: [{ id: "page", index: true, element: createElement(page as () => null) }] }],
    { hydrationData: { loaderData: { root: { locale: "en" }, page: loaderData }, actionData: actionData ? { page: actionData } : undefined } },
  );
  return renderToString(createElement(RouterProvider, { router }));
}

const ids = () => ({ forumId: f.forum.id, threadId, postId: firstPostId });
async function data(loader: (args: never) => Promise<unknown>, p: HarnessPerson, sub: string, params: Record<string, string> = ids()) {
  const r = await h.call(loader as never, { request: p.request(h.path(`${f.forum.id}${sub}`)), params });
  expect(r.status).toBe(200);
  return r.data;
}

function oneH1(html: string) {
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
}

describe("the threads pages' markup", () => {
  it("lists the forum's threads in a table with a New thread link", async () => {
    const html = render(ForumHome, await data(forumPage.loader, f.bea, ""));
    oneH1(html);
    expect(html).toContain("Water permits");
    expect(html).toContain('scope="col">Replies</th>');
    expect(html).toContain(`/forums/${f.forum.id}/threads/new`);
    expect(html).not.toContain("Flagged posts");
    expect(render(ForumHome, await data(forumPage.loader, f.moderator, ""))).toContain("Flagged posts (1)");
  });

  it("shows posts with byline, edited mark, sanitised body, actions and a labelled reply form that works without JavaScript", async () => {
    const html = render(ThreadPage, await data(threadPage.loader, f.stakeholder, `/threads/${threadId}`));
    oneH1(html);
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
    const html = render(ThreadPage, await data(threadPage.loader, f.moderator, `/threads/${threadId}?quote=${firstPostId}`));
    expect(html).toContain("Lock thread");
    expect(html).toContain(">History</a>");
    expect(html).toContain(">Hide</a>");
    expect(html).toContain(`name="quotedPostId" value="${firstPostId}"`);
    expect(html).toContain(`&gt; **${f.alice.name}:**`);
  });

  it("keeps the typed text and shows errors next to the fields after a failed post", async () => {
    const failed = await h.call(newThread.action, { request: f.bea.request(h.path(`${f.forum.id}/threads/new`), { form: { title: "Hi", body: "kept text" } }), params: { forumId: f.forum.id } });
    const html = render(NewThread, await data(newThread.loader, f.bea, "/threads/new"), failed.data);
    oneH1(html);
    expect(html).toContain("There is a problem");
    expect(html).toContain("Enter a title of at least 3 characters.");
    expect(html).toContain(">kept text</textarea>");
    expect(html).toContain('value="Hi"');
  });

  it("renders edit, history, flag, hide and flags pages", async () => {
    const edit = render(EditPost, await data(editPage.loader, f.alice, `/posts/${firstPostId}/edit`));
    oneH1(edit);
    expect(edit).toContain("Who has the **permits** list?</textarea>");
    const history = render(PostHistory, await data(historyPage.loader, f.moderator, `/posts/${firstPostId}/history`));
    oneH1(history);
    expect(history).toContain("Who has the **permit** list?");
    const flag = render(FlagPost, await data(flagPage.loader, f.bea, `/posts/${firstPostId}/flag`));
    oneH1(flag);
    expect(flag).toMatch(/<label[^>]*for="field-reason"/);
    const hide = render(HidePost, await data(hidePage.loader, f.moderator, `/posts/${secondPostId}/hide`, { forumId: f.forum.id, postId: secondPostId }));
    oneH1(hide);
    const flags = render(Flags, await data(flagsPage.loader, f.moderator, "/flags", { forumId: f.forum.id }));
    oneH1(flags);
    expect(flags).toContain("Script in post");
    expect(flags).toContain('name="intent" value="dismiss"');
  });
});
