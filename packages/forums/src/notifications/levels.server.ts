import type { Db } from "../access.server.ts";

export const LEVELS = ["WATCH", "NORMAL", "MUTE"] as const;
export type Level = (typeof LEVELS)[number];
export const DIGESTS = ["NONE", "DAILY", "WEEKLY"] as const;
export type Digest = (typeof DIGESTS)[number];

/** A thread's own level comes first, then the forum's; nothing chosen means NORMAL. */
export function effectiveLevel(thread: Level | null | undefined, forum: Level | null | undefined): Level {
  return thread ?? forum ?? "NORMAL";
}

/**
 * Sets a person's level for a forum (threadId null) or one thread. The unique key cannot
 * hold forum rows apart (PostgreSQL counts NULL thread ids as distinct), so the person's
 * writes queue on a transaction lock: a double click leaves one row, not two. A forum set
 * back to NORMAL loses its row (NORMAL is the default); a thread keeps NORMAL, which
 * overrides a watched forum.
 */
export async function setLevel(db: Db, tenantId: string, userId: string, forumId: string, threadId: string | null, level: Level): Promise<void> {
  const key = `forums.subscription:${tenantId}:${userId}`;
  await db.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))) AS l`;
  if (threadId === null && level === "NORMAL") {
    await db.forumSubscription.deleteMany({ where: { userId, forumId, threadId: null } });
    return;
  }
  const existing = await db.forumSubscription.findFirst({ where: { userId, forumId, threadId }, select: { id: true, level: true } });
  if (!existing) await db.forumSubscription.create({ data: { tenantId, userId, forumId, threadId, level } });
  else if (existing.level !== level) await db.forumSubscription.update({ where: { id: existing.id }, data: { level } });
}

/** The person's own choices for a forum and, when given, one of its threads (one statement). */
export async function levelsFor(db: Db, userId: string, forumId: string, threadId?: string): Promise<{ forum: Level | null; thread: Level | null }> {
  const all = await db.forumSubscription.findMany({
    where: { userId, forumId, OR: [{ threadId: null }, ...(threadId ? [{ threadId }] : [])] },
    select: { threadId: true, level: true },
  });
  return {
    forum: (all.find((r) => r.threadId === null)?.level as Level | undefined) ?? null,
    thread: threadId ? ((all.find((r) => r.threadId === threadId)?.level as Level | undefined) ?? null) : null,
  };
}

/**
 * What the level form on a forum page (no threadId) or a thread page shows as chosen: the
 * thread's own level, else the forum's, else NORMAL. One statement; for loaders.
 */
export async function notificationLevel(db: Db, userId: string, forumId: string, threadId?: string): Promise<Level> {
  const own = await levelsFor(db, userId, forumId, threadId);
  return threadId ? effectiveLevel(own.thread, own.forum) : (own.forum ?? "NORMAL");
}
