import { z } from "zod";
import type { JobContext, SubscriberContext } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { settings } from "../settings.ts";
import { forumsOpenTo, readerOf } from "./audience.server.ts";
import { effectiveLevel, type Level } from "./levels.server.ts";
import { threadPath } from "./links.ts";
import { unsubscribeLink } from "./unsubscribe.server.ts";

const DAY = 86_400_000;
const PERIOD = { DAILY: DAY, WEEKLY: 7 * DAY } as const;
/** Threads listed per forum in one digest; the rest are counted. */
export const THREADS_PER_FORUM = 10;

/**
 * The digest job, each morning per coalition: everyone whose daily digest is a day old (or
 * weekly one a week old), or who never had one, gets one `forums.digest_due` event covering
 * the time since their last digest. The job records the run's time as sent (only where
 * nobody else did meanwhile), so a second run, or a retry, finds nobody due; the subscriber
 * builds the digest and sends nothing when nothing is new.
 */
export async function digestJob({ db, scheduledAt, emit, log }: JobContext<typeof settings>): Promise<void> {
  const until = scheduledAt;
  const dueWhere = (frequency: keyof typeof PERIOD) => ({
    frequency,
    OR: [{ lastSentAt: null }, { lastSentAt: { lte: new Date(until.getTime() - PERIOD[frequency]) } }],
  });
  const due = await db.forumDigestPreference.findMany({
    where: { OR: [dueWhere("DAILY"), dueWhere("WEEKLY")] },
    select: { id: true, userId: true, frequency: true, lastSentAt: true },
  });
  if (due.length === 0) return;
  // One statement claims them all; a concurrent run waits for the row locks, then finds the
  // rows changed and claims none of them.
  const claimed = await db.forumDigestPreference.updateManyAndReturn({
    where: { id: { in: due.map((d) => d.id) }, OR: [dueWhere("DAILY"), dueWhere("WEEKLY")] },
    data: { lastSentAt: until },
    select: { id: true },
  });
  const mine = new Set(claimed.map((c) => c.id));
  for (const d of due) {
    if (!mine.has(d.id)) continue;
    const frequency = d.frequency as keyof typeof PERIOD;
    const since = d.lastSentAt ?? new Date(until.getTime() - PERIOD[frequency]);
    await emit(EVENTS.digestDue, { userId: d.userId, frequency, since: since.toISOString(), until: until.toISOString() });
  }
  log.info("forums: digests due", { people: mine.size });
}

const digestDue = z.object({ userId: z.uuid(), frequency: z.enum(["DAILY", "WEEKLY"]), since: z.iso.datetime(), until: z.iso.datetime() });

/** What a digest lists, passed to its template as JSON (templates take strings and numbers). */
const sections = z.array(
  z.object({
    forum: z.string(),
    threads: z.array(z.object({ title: z.string(), posts: z.number().int(), started: z.boolean(), url: z.string() })),
    more: z.number().int(),
  }),
);
export type DigestSections = z.infer<typeof sections>;

export function parseSections(json: string): DigestSections {
  return sections.parse(JSON.parse(json));
}

/**
 * Builds one person's digest: the new threads and replies, between `since` and `until`, in
 * the forums they may still enter, leaving out what they muted (a thread's own level first,
 * then its forum's) and their own posts; grouped by forum and thread, with counts and links.
 * Five statements whatever the number of forums and posts.
 */
export async function onDigestDue(event: { payload: unknown }, ctx: SubscriberContext<typeof settings>): Promise<void> {
  const { db, tenantId, email, moduleUrl, log } = ctx;
  const parsed = digestDue.safeParse(event.payload);
  if (!parsed.success) return log.warn("forums: forums.digest_due without what a digest needs", { issues: parsed.error.issues.length });
  const { userId, frequency } = parsed.data;
  const since = new Date(parsed.data.since);
  const until = new Date(parsed.data.until);

  const [reader, preference, choices] = await Promise.all([
    readerOf(db, userId),
    db.forumDigestPreference.findFirst({ where: { userId }, select: { frequency: true } }),
    db.forumSubscription.findMany({ where: { userId }, select: { forumId: true, threadId: true, level: true } }),
  ]);
  // Left the coalition, or turned the digest off since the job ran.
  if (!reader || preference?.frequency !== frequency) return;

  const forumLevel = new Map<string, Level>();
  const threadLevel = new Map<string, Level>();
  for (const c of choices) {
    if (c.threadId) threadLevel.set(c.threadId, c.level as Level);
    else forumLevel.set(c.forumId, c.level as Level);
  }
  // A muted forum is skipped unless one of its threads is set otherwise.
  const listenedTo = new Set(choices.filter((c) => c.threadId && c.level !== "MUTE").map((c) => c.forumId));
  const forums = await db.forum.findMany({
    where: { AND: [forumsOpenTo(reader), { archivedAt: null }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const open = forums.filter((f) => forumLevel.get(f.id) !== "MUTE" || listenedTo.has(f.id));
  if (open.length === 0) return;

  const counts = await db.forumPost.groupBy({
    by: ["forumId", "threadId"],
    where: { forumId: { in: open.map((f) => f.id) }, createdAt: { gt: since, lte: until }, hiddenAt: null, authorId: { not: userId } },
    _count: { _all: true },
    _min: { number: true },
  });
  const kept = counts.filter((c) => effectiveLevel(threadLevel.get(c.threadId), forumLevel.get(c.forumId)) !== "MUTE");
  if (kept.length === 0) return;

  const threads = await db.forumThread.findMany({ where: { id: { in: kept.map((c) => c.threadId) } }, select: { id: true, title: true } });
  const titles = new Map(threads.map((t) => [t.id, t.title]));
  const digest: DigestSections = [];
  let posts = 0;
  for (const forum of open) {
    const here = kept
      .filter((c) => c.forumId === forum.id && titles.has(c.threadId))
      .sort((a, b) => b._count._all - a._count._all || (titles.get(a.threadId) ?? "").localeCompare(titles.get(b.threadId) ?? ""));
    if (here.length === 0) continue;
    posts += here.reduce((sum, c) => sum + c._count._all, 0);
    digest.push({
      forum: forum.name,
      threads: here.slice(0, THREADS_PER_FORUM).map((c) => ({
        title: titles.get(c.threadId)!,
        posts: c._count._all,
        started: c._min.number === 1,
        url: moduleUrl(threadPath(forum.id, c.threadId)),
      })),
      more: Math.max(0, here.length - THREADS_PER_FORUM),
    });
  }
  if (digest.length === 0) return;
  await email(
    userId,
    "digest",
    {
      frequency,
      posts,
      since: `${since.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      sections: JSON.stringify(digest),
      preferencesUrl: moduleUrl("notifications"),
    },
    { unsubscribeUrl: unsubscribeLink(moduleUrl, tenantId, userId, { kind: "digest" }) },
  );
}
