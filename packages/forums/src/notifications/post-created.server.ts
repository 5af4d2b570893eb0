import { z } from "zod";
import type { SubscriberContext } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";
import { whoMayEnter } from "./audience.server.ts";
import { effectiveLevel, type Level } from "./levels.server.ts";
import { excerptOf, postPath } from "./links.ts";
import { unsubscribeLink, type Unsubscribe } from "./unsubscribe.server.ts";

const postCreated = z.object({
  postId: z.uuid(),
  threadId: z.uuid(),
  forumId: z.uuid(),
  authorId: z.uuid(),
  mentionedUserIds: z.array(z.uuid()).default([]),
});

const postEdited = postCreated.extend({
  /** Who saved the edit (the author, or a moderator): nobody is emailed about their own edit. */
  editorId: z.uuid(),
});

type Why = "mention" | "thread" | "forum";

/**
 * After a new post: each person mentioned, and each person watching the thread (or its
 * forum, unless the thread is set otherwise), gets one email — a mention wins over a new-post
 * email; the author gets none; nobody who muted the thread (or the forum, with no choice for
 * the thread), and nobody who can no longer enter the forum.
 */
export async function onPostCreated(event: { payload: unknown }, ctx: SubscriberContext<typeof settings>): Promise<void> {
  const parsed = postCreated.safeParse(event.payload);
  if (!parsed.success) return ctx.log.warn("forums: post.created without the ids notifications need", { issues: parsed.error.issues.length });
  await notifyPost(ctx, parsed.data, { newPost: true, skip: [parsed.data.authorId] });
}

/**
 * After an edit: only the people the edit newly mentions get the mention email (the event
 * carries them); those mentioned before were told when the post was first written, and
 * watchers are not told about edits. Someone the post no longer mentions (a later edit took
 * the name out before this ran) gets nothing.
 */
export async function onPostEdited(event: { payload: unknown }, ctx: SubscriberContext<typeof settings>): Promise<void> {
  const parsed = postEdited.safeParse(event.payload);
  if (!parsed.success) return ctx.log.warn("forums: forums.post_edited without the ids notifications need", { issues: parsed.error.issues.length });
  await notifyPost(ctx, parsed.data, { newPost: false, skip: [parsed.data.authorId, parsed.data.editorId] });
}

/**
 * Reads are batched: the post, the levels and the author together, then who may enter; then
 * one email per recipient. `newPost` adds the watchers and trusts the stored mentions too.
 */
async function notifyPost(
  ctx: SubscriberContext<typeof settings>,
  event: z.infer<typeof postCreated>,
  how: { newPost: boolean; skip: string[] },
): Promise<void> {
  const { db, tenantId, email, moduleUrl } = ctx;
  const { postId, threadId, forumId, authorId } = event;

  const [post, levels, author] = await Promise.all([
    db.forumPost.findFirst({
      where: { id: postId, threadId, forumId },
      select: { number: true, body: true, hiddenAt: true, mentionedUserIds: true, thread: { select: { title: true, forum: { select: { name: true } } } } },
    }),
    // NORMAL forum rows say nothing the default does not.
    db.forumSubscription.findMany({
      where: { forumId, OR: [{ threadId }, { threadId: null, level: { not: "NORMAL" } }] },
      select: { userId: true, threadId: true, level: true },
    }),
    db.membership.findFirst({ where: { userId: authorId }, select: { user: { select: { name: true } } } }),
  ]);
  // Hidden before the worker got to it: nobody is sent what moderators took down.
  if (!post || post.hiddenAt) return;

  const threadLevel = new Map<string, Level>();
  const forumLevel = new Map<string, Level>();
  for (const s of levels) (s.threadId ? threadLevel : forumLevel).set(s.userId, s.level as Level);

  const why = new Map<string, Why>();
  const mentioned = how.newPost ? [...post.mentionedUserIds, ...event.mentionedUserIds] : event.mentionedUserIds.filter((id) => post.mentionedUserIds.includes(id));
  for (const userId of new Set(mentioned)) {
    if (effectiveLevel(threadLevel.get(userId), forumLevel.get(userId)) !== "MUTE") why.set(userId, "mention");
  }
  for (const userId of how.newPost ? new Set([...threadLevel.keys(), ...forumLevel.keys()]) : []) {
    if (why.has(userId) || effectiveLevel(threadLevel.get(userId), forumLevel.get(userId)) !== "WATCH") continue;
    why.set(userId, threadLevel.get(userId) === "WATCH" ? "thread" : "forum");
  }
  for (const userId of how.skip) why.delete(userId);
  if (why.size === 0) return;

  const inside = await whoMayEnter(db, forumId, [...why.keys()]);
  const data = {
    author: author?.user.name ?? "",
    thread: post.thread.title,
    forum: post.thread.forum.name,
    excerpt: excerptOf(post.body),
    url: moduleUrl(postPath(forumId, threadId, post.number)),
  };
  for (const [userId, reason] of why) {
    if (!inside.has(userId)) continue;
    const off: Unsubscribe = reason === "forum" ? { kind: "forum", forumId } : { kind: "thread", forumId, threadId };
    const unsubscribeUrl = unsubscribeLink(moduleUrl, tenantId, userId, off);
    if (reason === "mention") await email(userId, "mention", data, { unsubscribeUrl });
    else await email(userId, "new-post", { ...data, because: reason }, { unsubscribeUrl });
  }
}
