import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import * as forumPage from "../routes/threads/forum.tsx";
import * as threadPage from "../routes/threads/thread.tsx";
import { forumFixture, type ForumFixture } from "./helpers.ts";
import { counted } from "./sql-statements.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
beforeAll(async () => {
  h = await createPluginHarness(forums);
  f = await forumFixture(h);
});
afterAll(() => h?.close());

/** A thread with `posts` posts (number 1 … posts) by four authors, written in one statement, with a file on every 7th post. */
async function bigThread(posts: number, title: string) {
  const authors = [f.alice.id, f.bea.id, f.stakeholder.id, f.moderator.id];
  return h.db(async (db) => {
    const thread = await db.forumThread.create({ data: { tenantId: h.tenant.id, forumId: f.forum.id, title, authorId: f.alice.id, postCount: posts }, select: { id: true } });
    await db.$executeRaw`
      INSERT INTO forum_posts (id, tenant_id, forum_id, thread_id, number, author_id, body, body_html, created_at)
      SELECT gen_random_uuid(), ${h.tenant.id}::uuid, ${f.forum.id}::uuid, ${thread.id}::uuid, n,
             (${authors}::uuid[])[1 + n % 4], 'Reply ' || n, '<p>Reply ' || n || '</p>', now() - make_interval(secs => ${posts} - n)
      FROM generate_series(1, ${posts}) AS n`;
    await db.$executeRaw`
      INSERT INTO forum_post_attachments (id, tenant_id, post_id, storage_key, file_name, content_type, size)
      SELECT gen_random_uuid(), tenant_id, id, 'forums/none/' || number, 'notes-' || number || '.pdf', 'application/pdf', 1000
      FROM forum_posts WHERE thread_id = ${thread.id}::uuid AND number % 7 = 0`;
    return thread.id;
  });
}

function threadPageAs(p: HarnessPerson, threadId: string, page: number) {
  return h.call(threadPage.loader, { request: p.request(h.path(`${f.forum.id}/threads/${threadId}?page=${page}`)), params: { forumId: f.forum.id, threadId } });
}

type ThreadData = { posts: { number: number; author: { name: string } | null; files: unknown[] }[]; page: number; pages: number };

describe("thread pages by post number", () => {
  it("loads page 40 of a 2,000-reply thread as one index range, in as many statements as page 1", async () => {
    const threadId = await bigThread(2001, "Two thousand replies");
    await threadPageAs(f.bea, threadId, 1); // the first request of a process also reads the coalition (then cached)
    const first = await counted(() => threadPageAs(f.bea, threadId, 1));
    const late = await counted(() => threadPageAs(f.bea, threadId, 40));
    const data = late.result.data as ThreadData;
    expect(data.pages).toBe(41);
    expect(data.page).toBe(40);
    expect(data.posts.map((p) => p.number)).toEqual(Array.from({ length: 50 }, (_, i) => 1951 + i));
    expect(data.posts.every((p) => p.author)).toBe(true);
    expect(data.posts.filter((p) => p.files.length).length).toBe(7);
    expect(late.statements).toBe(first.statements);
    // A page past the end shows the last one.
    expect(((await threadPageAs(f.bea, threadId, 999)).data as ThreadData).posts.map((p) => p.number)).toEqual([2001]);

    // The page's own query walks the unique (tenant, thread, number) index.
    const plan = await h.db(
      (db) => db.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT id FROM forum_posts
        WHERE tenant_id = ${h.tenant.id}::uuid AND thread_id = ${threadId}::uuid AND number >= 1951 AND number <= 2000 ORDER BY number`,
    );
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Index (Only )?Scan/);
  });

  it("keeps a page of a 200-reply thread and the forum's home within bounded statements", async () => {
    const threadId = await bigThread(201, "Two hundred replies");
    await threadPageAs(f.bea, threadId, 1);
    const page = await counted(() => threadPageAs(f.bea, threadId, 4));
    expect((page.result.data as ThreadData).posts).toHaveLength(50);
    const home = await counted(() => h.call(forumPage.loader, { request: f.bea.request(h.path(f.forum.id)), params: { forumId: f.forum.id } }));
    expect(home.result.status).toBe(200);
    const moderatorHome = await counted(() => h.call(forumPage.loader, { request: f.moderator.request(h.path(f.forum.id)), params: { forumId: f.forum.id } }));
    // Every module page pays 5 for withModule (session, BEGIN, set_config, the person's role
    // with the coalition's module rows, COMMIT) and 1 to enter the forum (the forum with the
    // person's rows in it and their acceptance of its rules).
    const FIXED = 5 + 1;
    console.info(`SQL statements: thread page of 200 replies ${page.statements} (${page.statements - FIXED} its own), forum home ${home.statements} (${home.statements - FIXED}; a moderator's ${moderatorHome.statements}, with the open flags count)`);
    // The page's own: the thread with the person's notification level, the posts with their
    // authors (names, organisations, stakeholders' affiliations), the attachments.
    expect(page.statements - FIXED).toBe(3);
    // The home's own: the threads with their authors' names, the notification level; a
    // moderator's also counts the open flags.
    expect(home.statements - FIXED).toBe(2);
    expect(moderatorHome.statements - FIXED).toBe(3);
    for (const statements of [page.statements, home.statements, moderatorHome.statements]) expect(statements).toBeLessThanOrEqual(10);
  });

  it("quotes a post, with its author's name, in the same statements as the page", async () => {
    const threadId = await bigThread(60, "Sixty replies");
    const quoted = await h.db((db) => db.forumPost.findFirstOrThrow({ where: { threadId, number: 2 }, select: { id: true } }));
    const plain = await counted(() => threadPageAs(f.bea, threadId, 2));
    const quoting = await counted(() =>
      h.call(threadPage.loader, { request: f.bea.request(h.path(`${f.forum.id}/threads/${threadId}?page=2&quote=${quoted.id}`)), params: { forumId: f.forum.id, threadId } }),
    );
    expect(quoting.statements).toBe(plain.statements);
    const quote = (quoting.result.data as { quote: { id: string; text: string } | null }).quote;
    expect(quote?.id).toBe(quoted.id);
    // Post 2 is the stakeholder's (bigThread's authors[1 + n % 4], arrays counting from 1).
    expect(quote?.text).toContain(`**${f.stakeholder.name}:**`);
    expect(quote?.text).toContain("> Reply 2");
  });
});
