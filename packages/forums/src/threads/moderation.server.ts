import { recordActivity } from "../access.server.ts";
import type { Ctx } from "./access.server.ts";
import { MODERATION_EVENTS } from "./events.ts";

export { REASON_MAX } from "./limits.ts";

type Actor = Pick<Ctx, "db" | "tenant" | "person">;

interface PostRef {
  id: string;
  number: number;
  threadId: string;
  forumId: string;
  authorId: string;
}

/**
 * Hides a post (others see "hidden by a moderator"), resolves its open flags, records the
 * action and the event its author is emailed from. False when it was already hidden.
 */
export async function hidePost(ctx: Actor & Pick<Ctx, "emit">, post: PostRef, thread: { title: string }, reason: string): Promise<boolean> {
  const now = new Date();
  const changed = await ctx.db.forumPost.updateMany({ where: { id: post.id, hiddenAt: null }, data: { hiddenAt: now, hiddenById: ctx.person.id, hiddenReason: reason } });
  if (!changed.count) return false;
  await ctx.db.forumFlag.updateMany({ where: { postId: post.id, resolvedAt: null }, data: { resolvedAt: now, resolvedById: ctx.person.id } });
  await recordActivity(ctx, "forums.post_hidden", { type: "post", id: post.id }, { number: post.number, thread: thread.title, reason, threadId: post.threadId, forumId: post.forumId, authorId: post.authorId });
  await ctx.emit(MODERATION_EVENTS.postHidden, { postId: post.id });
  return true;
}

export async function restorePost(ctx: Actor & Pick<Ctx, "emit">, post: PostRef, thread: { title: string }): Promise<boolean> {
  const changed = await ctx.db.forumPost.updateMany({ where: { id: post.id, hiddenAt: { not: null } }, data: { hiddenAt: null, hiddenById: null, hiddenReason: "" } });
  if (!changed.count) return false;
  await recordActivity(ctx, "forums.post_restored", { type: "post", id: post.id }, { number: post.number, thread: thread.title, threadId: post.threadId, forumId: post.forumId, authorId: post.authorId });
  await ctx.emit(MODERATION_EVENTS.postRestored, { postId: post.id });
  return true;
}

export async function setThreadLock(ctx: Actor, thread: { id: string; title: string; forumId: string }, locked: boolean): Promise<boolean> {
  const changed = await ctx.db.forumThread.updateMany({
    where: { id: thread.id, lockedAt: locked ? null : { not: null } },
    data: { lockedAt: locked ? new Date() : null },
  });
  if (!changed.count) return false;
  await recordActivity(ctx, locked ? "forums.thread_locked" : "forums.thread_unlocked", { type: "thread", id: thread.id }, { thread: thread.title, threadId: thread.id, forumId: thread.forumId });
  return true;
}
