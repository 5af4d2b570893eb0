import { expect, it } from "vitest";
import type { PluginHarness } from "@commons/plugin-sdk/testing";
import * as forumPage from "../routes/threads/forum.tsx";
import * as threadPage from "../routes/threads/thread.tsx";
import { seedForumThreads } from "../src/threads/seed.server.ts";
import { createForum, type ForumFixture, useForumFixture } from "./helpers.ts";

let h: PluginHarness;
let f: ForumFixture;
useForumFixture((made) => ({ h, f } = made));

it("gives the demo forum discussions by members, the moderator and the stakeholder, with a quote and mentions, as the pages show them", async () => {
  await h.db((db) => seedForumThreads({ db, tenantId: h.tenant.id }, { forumId: f.forum.id, createdById: f.secretariat.id, moderatorId: f.moderator.id }));
  const home = await h.call(forumPage.loader, { request: f.stakeholder.request(h.path(f.forum.id)), params: { forumId: f.forum.id } });
  const threads = (home.data as { threads: { id: string; title: string; replies: number }[] }).threads;
  expect(threads.map((t) => t.title)).toEqual(["Agenda for the December meeting", "Community monitoring of water quality downstream of the tailings pond", "Disclosure of royalty payments for the Caraga nickel mines"]);
  const royalties = threads[2]!;
  expect(royalties.replies).toBe(4);
  const page = await h.call(threadPage.loader, { request: f.stakeholder.request(h.path(`${f.forum.id}/threads/${royalties.id}`)), params: { forumId: f.forum.id, threadId: royalties.id } });
  const posts = (page.data as { posts: { number: number; html: string; author: { name: string; affiliation: string } }[] }).posts;
  expect(posts[1]!.author).toEqual({ name: f.stakeholder.name, affiliation: "Department of Energy" });
  expect(posts[2]!.html).toContain("<blockquote>");
  const last = await h.db((db) => db.forumPost.findFirstOrThrow({ where: { threadId: royalties.id, number: 5 }, select: { mentionedUserIds: true, authorId: true } }));
  expect(last.authorId).toBe(f.moderator.id);
  expect(last.mentionedUserIds).toContain(f.stakeholder.id);
  // The seed records no events: nobody is emailed.
  expect(await h.events("post.created")).toEqual([]);
});

it("does not fail on a forum with nobody in it", async () => {
  const empty = await createForum(h, f.secretariat.id, { name: `Empty ${Date.now()}` });
  await h.db((db) => seedForumThreads({ db, tenantId: h.tenant.id }, { forumId: empty.id, createdById: f.secretariat.id, moderatorId: null }));
  expect(await h.db((db) => db.forumThread.count({ where: { forumId: empty.id } }))).toBe(0);
});
