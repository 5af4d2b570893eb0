import type { PluginHarness } from "@commons/plugin-sdk/testing";

/**
 * Threads and posts written straight to the tables, as the threads pages would (numbered in
 * their thread), and post.created handed to the subscriber as the worker would.
 */
export async function startThread(h: PluginHarness, forumId: string, authorId: string, title: string, body = "Opening post.", at = new Date()) {
  return h.db(async (db) => {
    const thread = await db.forumThread.create({ data: { tenantId: h.tenant.id, forumId, title, authorId, postCount: 1, lastPostAt: at, createdAt: at }, select: { id: true } });
    const post = await db.forumPost.create({
      data: { tenantId: h.tenant.id, forumId, threadId: thread.id, number: 1, authorId, body, bodyHtml: `<p>${body}</p>`, createdAt: at },
      select: { id: true },
    });
    return { threadId: thread.id, postId: post.id };
  });
}

export async function reply(h: PluginHarness, forumId: string, threadId: string, authorId: string, body: string, mentionedUserIds: string[] = [], at = new Date()) {
  return h.db(async (db) => {
    const thread = await db.forumThread.update({ where: { tenantId_id: { tenantId: h.tenant.id, id: threadId } }, data: { postCount: { increment: 1 }, lastPostAt: at }, select: { postCount: true } });
    const post = await db.forumPost.create({
      data: { tenantId: h.tenant.id, forumId, threadId, number: thread.postCount, authorId, body, bodyHtml: `<p>${body}</p>`, mentionedUserIds, createdAt: at },
      select: { id: true, number: true },
    });
    return { postId: post.id, number: post.number };
  });
}

export function postCreated(h: PluginHarness, post: { postId: string; threadId: string; forumId: string; authorId: string; mentionedUserIds?: string[] }) {
  return h.dispatch("post.created", { id: post.postId, mentionedUserIds: [], ...post });
}

/** An anonymous POST, as a mail provider sends RFC 8058's one-click unsubscribe. */
export function oneClick(url: string): Request {
  return new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
}
