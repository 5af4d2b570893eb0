import { notFound } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { Ctx, Db } from "./access.server.ts";
import { participantsOf } from "../access.server.ts";
import { namesIn } from "../participants.server.ts";
import { effectiveLevel, type Level } from "../notifications/levels.server.ts";
import { POST_EVENTS } from "./events.ts";
import { findMentions } from "./mentions.ts";
import { renderPost } from "./render.server.ts";

export { pageOfNumber, POST_MAX, POSTS_PER_PAGE, THREADS_PER_PAGE, TITLE_MAX, TITLE_MIN } from "./limits.ts";

export interface NewPost {
  threadId: string;
  forumId: string;
  body: string;
  quotedPostId?: string | null;
}

/**
 * Adds a post to a thread: takes the thread's next number (the increment locks the thread
 * row, so two replies at once get two numbers), renders the Markdown once, stores the
 * mentions and records post.created. The caller has checked the thread is open.
 */
export async function addPost(ctx: Pick<Ctx, "db" | "tenant" | "person" | "emit">, post: NewPost, now = new Date()) {
  const { db, tenant, person, emit } = ctx;
  const thread = await db.forumThread.update({
    where: { tenantId_id: { tenantId: tenant.id, id: post.threadId } },
    data: { postCount: { increment: 1 }, lastPostAt: now },
    select: { postCount: true },
  });
  const mentionedUserIds = post.body.includes("@") ? findMentions(post.body, await participantsOf(db, post.forumId)).filter((id) => id !== person.id) : [];
  const created = await db.forumPost.create({
    data: {
      tenantId: tenant.id,
      forumId: post.forumId,
      threadId: post.threadId,
      number: thread.postCount,
      authorId: person.id,
      body: post.body,
      bodyHtml: renderPost(post.body),
      quotedPostId: post.quotedPostId ?? null,
      mentionedUserIds,
      createdAt: now,
    },
    select: { id: true, number: true },
  });
  // Subscribers (mention and watch emails) take the ids from here and load the rest.
  await emit(EVENTS.postCreated, { postId: created.id, threadId: post.threadId, forumId: post.forumId, authorId: person.id, mentionedUserIds });
  return created;
}

/** A new thread with its opening post (number 1). */
export async function addThread(ctx: Pick<Ctx, "db" | "tenant" | "person" | "emit">, forumId: string, title: string, body: string) {
  const now = new Date();
  const thread = await ctx.db.forumThread.create({
    data: { tenantId: ctx.tenant.id, forumId, title, authorId: ctx.person.id, lastPostAt: now, createdAt: now },
    select: { id: true },
  });
  const post = await addPost(ctx, { threadId: thread.id, forumId, body }, now);
  return { threadId: thread.id, postId: post.id };
}

/**
 * Edits a post's text: the old text becomes a revision, the post is marked edited. The
 * mentions are found again; people the edit newly mentions are named in forums.post_edited
 * (notifications emails them once), those mentioned before are not told again.
 */
export async function editPost(
  ctx: Pick<Ctx, "db" | "tenant" | "person" | "emit">,
  post: { id: string; forumId: string; threadId: string; authorId: string; body: string; mentionedUserIds: readonly string[] },
  body: string,
) {
  const { db, tenant, person, emit } = ctx;
  const now = new Date();
  await db.forumPostRevision.create({ data: { tenantId: tenant.id, postId: post.id, body: post.body, editedById: person.id, createdAt: now } });
  // As when posting, the author mentioning themselves is not a mention.
  const mentionedUserIds = body.includes("@") ? findMentions(body, await participantsOf(db, post.forumId)).filter((id) => id !== post.authorId) : [];
  await db.forumPost.update({
    where: { tenantId_id: { tenantId: tenant.id, id: post.id } },
    data: { body, bodyHtml: renderPost(body), editedAt: now, mentionedUserIds },
  });
  const earlier = new Set(post.mentionedUserIds);
  const newlyMentioned = mentionedUserIds.filter((id) => !earlier.has(id) && id !== person.id);
  if (newlyMentioned.length > 0) {
    await emit(POST_EVENTS.postEdited, { postId: post.id, threadId: post.threadId, forumId: post.forumId, authorId: post.authorId, editorId: person.id, mentionedUserIds: newlyMentioned });
  }
}

export interface Author {
  name: string;
  /** The organisation a member speaks for, or the office/company/community a stakeholder does. */
  affiliation: string;
}

export interface PagePost {
  id: string;
  number: number;
  authorId: string;
  bodyHtml: string;
  editedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string;
  createdAt: Date;
  /** Null when the author is no longer in the coalition. */
  author: Author | null;
}

export interface QuotedPost {
  id: string;
  authorId: string;
  body: string;
  hiddenAt: Date | null;
  author: Author | null;
}

const NIL_UUID = "00000000-0000-0000-0000-000000000000";

type PostRow = Omit<PagePost, "author"> & { body: string | null; quoted: boolean; authorName: string | null; affiliation: string };

/**
 * Posts numbered first … last of a thread (one range of the (tenant, thread, number) index)
 * and, when asked, a post of the forum being quoted, each with its author's name and
 * affiliation: a stakeholder's office, company or community named in this forum, a member's
 * organisation. One statement, whatever the page holds.
 */
export async function postsPage(
  db: Db,
  where: { tenantId: string; forumId: string; threadId: string; first: number; last: number; quoteId?: string | null },
): Promise<{ posts: PagePost[]; quoted: QuotedPost | null }> {
  const { tenantId, forumId, threadId, first, last } = where;
  // Without a quote the branch looks for the nil UUID (never an id) rather than NULL: `id =
  // NULL` folds to false, leaving no index to price the branch by, and the planner then costs
  // it as a scan of every post and runs the whole statement on parallel workers (27 ms
  // instead of 1 ms on the benchmark's 1,000,000 posts).
  const quoteId = where.quoteId ?? NIL_UUID;
  const rows = await db.$queryRaw<PostRow[]>`
    WITH shown AS (
      SELECT id, number, author_id, body_html, NULL::text AS body, edited_at, hidden_at, hidden_reason, created_at, false AS quoted
      FROM forum_posts
      WHERE tenant_id = ${tenantId}::uuid AND thread_id = ${threadId}::uuid AND number >= ${first} AND number <= ${last}
      UNION ALL
      SELECT id, number, author_id, '', body, edited_at, hidden_at, hidden_reason, created_at, true
      FROM forum_posts
      WHERE tenant_id = ${tenantId}::uuid AND forum_id = ${forumId}::uuid AND id = ${quoteId}::uuid
    )
    SELECT s.id, s.number, s.author_id AS "authorId", s.body_html AS "bodyHtml", s.body, s.edited_at AS "editedAt",
           s.hidden_at AS "hiddenAt", s.hidden_reason AS "hiddenReason", s.created_at AS "createdAt", s.quoted,
           u.name AS "authorName",
           COALESCE(NULLIF(seat.affiliation, ''), o.name, '') AS affiliation
    FROM shown s
    LEFT JOIN memberships m ON m.tenant_id = ${tenantId}::uuid AND m.user_id = s.author_id
    LEFT JOIN users u ON u.id = m.user_id
    LEFT JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
    LEFT JOIN forum_participants seat
      ON m.role = 'STAKEHOLDER' AND seat.tenant_id = m.tenant_id AND seat.forum_id = ${forumId}::uuid AND seat.user_id = s.author_id
    ORDER BY s.quoted, s.number`;
  const authorOf = (r: PostRow): Author | null => (r.authorName === null ? null : { name: r.authorName, affiliation: r.affiliation });
  const posts: PagePost[] = [];
  let quoted: QuotedPost | null = null;
  for (const r of rows) {
    if (r.quoted) quoted = { id: r.id, authorId: r.authorId, body: r.body ?? "", hiddenAt: r.hiddenAt, author: authorOf(r) };
    else posts.push({ id: r.id, number: r.number, authorId: r.authorId, bodyHtml: r.bodyHtml, editedAt: r.editedAt, hiddenAt: r.hiddenAt, hiddenReason: r.hiddenReason, createdAt: r.createdAt, author: authorOf(r) });
  }
  return { posts, quoted };
}

/** A thread of this forum with the person's notification level for it (its own, else the forum's, else NORMAL), or null. One statement. */
export async function threadWithLevel(db: Db, where: { tenantId: string; forumId: string; threadId: string; userId: string }) {
  const { tenantId, forumId, threadId, userId } = where;
  const [row] = await db.$queryRaw<{ id: string; title: string; lockedAt: Date | null; postCount: number; threadLevel: Level | null; forumLevel: Level | null }[]>`
    SELECT t.id, t.title, t.locked_at AS "lockedAt", t.post_count AS "postCount",
           (SELECT s.level::text FROM forum_subscriptions s
            WHERE s.tenant_id = t.tenant_id AND s.user_id = ${userId}::uuid AND s.forum_id = t.forum_id AND s.thread_id = t.id LIMIT 1) AS "threadLevel",
           (SELECT s.level::text FROM forum_subscriptions s
            WHERE s.tenant_id = t.tenant_id AND s.user_id = ${userId}::uuid AND s.forum_id = t.forum_id AND s.thread_id IS NULL LIMIT 1) AS "forumLevel"
    FROM forum_threads t
    WHERE t.tenant_id = ${tenantId}::uuid AND t.id = ${threadId}::uuid AND t.forum_id = ${forumId}::uuid`;
  if (!row) return null;
  const { threadLevel, forumLevel, ...thread } = row;
  return { thread, level: effectiveLevel(threadLevel, forumLevel) };
}

/**
 * A forum's threads, the most recently active first (one range of the (tenant, forum, last
 * post) index), each with its author's name (null when they are no longer in the coalition).
 * One statement.
 */
export function threadsPage(db: Db, where: { tenantId: string; forumId: string; skip: number; take: number }) {
  return db.$queryRaw<{ id: string; title: string; authorName: string | null; postCount: number; lastPostAt: Date; lockedAt: Date | null }[]>`
    SELECT t.id, t.title, u.name AS "authorName", t.post_count AS "postCount", t.last_post_at AS "lastPostAt", t.locked_at AS "lockedAt"
    FROM forum_threads t
    LEFT JOIN memberships m ON m.tenant_id = t.tenant_id AND m.user_id = t.author_id
    LEFT JOIN users u ON u.id = m.user_id
    WHERE t.tenant_id = ${where.tenantId}::uuid AND t.forum_id = ${where.forumId}::uuid
    ORDER BY t.last_post_at DESC, t.id DESC
    OFFSET ${where.skip} LIMIT ${where.take}`;
}

/** Names of people by id, through this coalition's memberships only (one statement). */
export async function namesOf(db: Db, userIds: Iterable<string>): Promise<Map<string, string>> {
  return (await namesIn(db, userIds)).people;
}

/** A post of this forum, or null. */
export function findPost(db: Db, forumId: string, postId: string) {
  return db.forumPost.findFirst({
    where: { id: postId, forumId },
    select: { id: true, threadId: true, forumId: true, number: true, authorId: true, body: true, hiddenAt: true, hiddenReason: true, editedAt: true, mentionedUserIds: true },
  });
}

/** A thread of this forum, or null. */
export function findThread(db: Db, forumId: string, threadId: string) {
  return db.forumThread.findFirst({ where: { id: threadId, forumId }, select: { id: true, title: true, authorId: true, lockedAt: true, postCount: true, forumId: true } });
}

/** The quoted post as the start of a reply: a Markdown blockquote under the author's name. */
export function quoteOf(authorName: string, body: string): string {
  const quoted = body
    .trim()
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
  return `> **${authorName.replace(/[*_`[\]\\]/g, "\\$&")}:**\n>\n${quoted}\n\n`;
}

/** A post of this forum and its thread, or 404. */
export async function postAndThread(db: Db, forumId: string, postId: string) {
  const post = await findPost(db, forumId, postId);
  const thread = post ? await findThread(db, forumId, post.threadId) : null;
  if (!post || !thread) throw notFound();
  return { post, thread };
}
