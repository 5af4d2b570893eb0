import { z } from "zod";
import type { Ctx } from "../access.server.ts";
import { visibleForumsWhere } from "../access.server.ts";
import { PAGE_SIZE } from "../constants.ts";
import { DIGESTS, type Digest, type Level } from "./levels.server.ts";

export interface ChoiceRow {
  id: string;
  forumId: string;
  forum: string;
  threadId: string | null;
  thread: string | null;
  level: Level;
}

/**
 * The person's page: their digest choice, whether the coalition may email them at all, and
 * one page of their forum and thread levels, named; choices in forums they can no longer
 * enter are left out. Five statements whatever the page holds.
 */
export async function preferencesOf(ctx: Pick<Ctx, "db" | "person" | "can">, page: number) {
  const { db, person } = ctx;
  const [membership, digest, total, rows] = await Promise.all([
    db.membership.findFirst({ where: { userId: person.id }, select: { emailUpdates: true } }),
    db.forumDigestPreference.findFirst({ where: { userId: person.id }, select: { frequency: true, lastSentAt: true } }),
    db.forumSubscription.count({ where: { userId: person.id } }),
    db.forumSubscription.findMany({
      where: { userId: person.id },
      orderBy: [{ forumId: "asc" }, { threadId: { sort: "asc", nulls: "first" } }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, forumId: true, threadId: true, level: true },
    }),
  ]);
  const threadIds = rows.flatMap((r) => (r.threadId ? [r.threadId] : []));
  const [forums, threads] = await Promise.all([
    db.forum.findMany({ where: { AND: [{ id: { in: [...new Set(rows.map((r) => r.forumId))] } }, visibleForumsWhere(ctx)] }, select: { id: true, name: true } }),
    threadIds.length ? db.forumThread.findMany({ where: { id: { in: threadIds } }, select: { id: true, title: true } }) : Promise.resolve([]),
  ]);
  const forumNames = new Map(forums.map((f) => [f.id, f.name]));
  const threadTitles = new Map(threads.map((t) => [t.id, t.title]));
  const choices: ChoiceRow[] = rows.flatMap((r) => {
    const forum = forumNames.get(r.forumId);
    if (!forum || (r.threadId && !threadTitles.has(r.threadId))) return [];
    return [{ id: r.id, forumId: r.forumId, forum, threadId: r.threadId, thread: r.threadId ? threadTitles.get(r.threadId)! : null, level: r.level as Level }];
  });
  return {
    emailUpdates: membership?.emailUpdates ?? false,
    frequency: (digest?.frequency ?? "NONE") as Digest,
    lastSentAt: digest?.lastSentAt?.toISOString() ?? null,
    choices,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export const digestSchema = (message: string) => z.object({ frequency: z.enum(DIGESTS, message) });

/**
 * Saves the digest choice; one row per person (the unique key holds it under a double click).
 * Turning the digest back on starts afresh: the first one covers one day or week, not all
 * the time since the last digest before it was turned off.
 */
export async function saveDigest(db: Ctx["db"], tenantId: string, userId: string, frequency: Digest): Promise<void> {
  if (frequency !== "NONE") await db.forumDigestPreference.updateMany({ where: { userId, frequency: "NONE" }, data: { lastSentAt: null } });
  await db.forumDigestPreference.upsert({
    where: { tenantId_userId: { tenantId, userId } },
    create: { tenantId, userId, frequency },
    update: { frequency },
    select: { id: true },
  });
}
