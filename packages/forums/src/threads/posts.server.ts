import { notFound } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { Ctx, Db } from "./access.server.ts";
import { participantsOf } from "../access.server.ts";
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

/** Edits a post's text: the old text becomes a revision, the post is marked edited. */
export async function editPost(ctx: Pick<Ctx, "db" | "tenant" | "person">, post: { id: string; forumId: string; body: string }, body: string) {
  const { db, tenant, person } = ctx;
  const now = new Date();
  await db.forumPostRevision.create({ data: { tenantId: tenant.id, postId: post.id, body: post.body, editedById: person.id, createdAt: now } });
  const mentionedUserIds = body.includes("@") ? findMentions(body, await participantsOf(db, post.forumId)) : [];
  await db.forumPost.update({
    where: { tenantId_id: { tenantId: tenant.id, id: post.id } },
    data: { body, bodyHtml: renderPost(body), editedAt: now, mentionedUserIds },
  });
}

export interface Author {
  name: string;
  /** The organisation a member speaks for, or the office/company/community a stakeholder does. */
  affiliation: string;
}

/**
 * Names and affiliations of the people who wrote the given posts, in a fixed number of
 * statements whatever the page holds (three, a fourth when a stakeholder wrote one): a
 * stakeholder's affiliation in this forum, a member's organisation.
 */
export async function authorsOf(db: Db, forumId: string, userIds: Iterable<string>): Promise<Map<string, Author>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const members = await db.membership.findMany({
    where: { userId: { in: ids } },
    select: { userId: true, role: true, user: { select: { name: true } }, organisation: { select: { name: true } } },
  });
  // Only stakeholders speak for an office, company or community named in this forum.
  const stakeholders = members.filter((m) => m.role === "STAKEHOLDER").map((m) => m.userId);
  const seats = stakeholders.length
    ? await db.forumParticipant.findMany({ where: { forumId, userId: { in: stakeholders }, affiliation: { not: "" } }, select: { userId: true, affiliation: true } })
    : [];
  const affiliations = new Map(seats.map((s) => [s.userId!, s.affiliation]));
  return new Map(members.map((m) => [m.userId, { name: m.user.name, affiliation: affiliations.get(m.userId) ?? m.organisation?.name ?? "" }]));
}

/** Names of people by id, through this coalition's memberships only (two statements). */
export async function namesOf(db: Db, userIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await db.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, user: { select: { name: true } } } });
  return new Map(rows.map((r) => [r.userId, r.user.name]));
}

/** A post of this forum, or null. */
export function findPost(db: Db, forumId: string, postId: string) {
  return db.forumPost.findFirst({
    where: { id: postId, forumId },
    select: { id: true, threadId: true, forumId: true, number: true, authorId: true, body: true, hiddenAt: true, hiddenReason: true, editedAt: true },
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
