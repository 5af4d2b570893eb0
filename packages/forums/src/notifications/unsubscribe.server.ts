import { z } from "zod";
import { signToken, verifyToken } from "@commons/plugin-sdk/server";
import type { Db } from "../access.server.ts";
import { setLevel } from "./levels.server.ts";

/**
 * One-click unsubscribe (RFC 8058). Each forum email carries a link whose token names the
 * coalition, the person and what to turn off, signed by the portal (signToken): mail
 * providers POST to it without a session, so the signature is the only proof. What it turns
 * off is the kind of email it came in: a thread's emails (mentions and new posts: the thread
 * is muted), a watched forum's new posts (the forum goes back to NORMAL), or the digest.
 * Applying it twice changes nothing more.
 */
const PURPOSE = "forums.unsubscribe";

export type Unsubscribe = { kind: "thread"; forumId: string; threadId: string } | { kind: "forum"; forumId: string } | { kind: "digest" };

const claims = z.union([
  z.object({ c: z.uuid(), u: z.uuid(), k: z.literal("thread"), f: z.uuid(), t: z.uuid() }),
  z.object({ c: z.uuid(), u: z.uuid(), k: z.literal("forum"), f: z.uuid() }),
  z.object({ c: z.uuid(), u: z.uuid(), k: z.literal("digest") }),
]);

export function unsubscribeToken(tenantId: string, userId: string, what: Unsubscribe): string {
  const base = { c: tenantId, u: userId, k: what.kind };
  if (what.kind === "thread") return signToken(PURPOSE, { ...base, f: what.forumId, t: what.threadId });
  if (what.kind === "forum") return signToken(PURPOSE, { ...base, f: what.forumId });
  return signToken(PURPOSE, base);
}

/** The link for the List-Unsubscribe header and the email's footer. */
export function unsubscribeLink(moduleUrl: (path: string) => string, tenantId: string, userId: string, what: Unsubscribe): string {
  return moduleUrl(`unsubscribe?token=${encodeURIComponent(unsubscribeToken(tenantId, userId, what))}`);
}

/** What a token asks, or null when it is not one the portal signed for this use. */
export function readUnsubscribeToken(token: string | null | undefined): { tenantId: string; userId: string; what: Unsubscribe } | null {
  if (!token) return null;
  const verified = verifyToken(PURPOSE, token);
  const parsed = verified ? claims.safeParse(verified) : null;
  if (!parsed?.success) return null;
  const c = parsed.data;
  const what: Unsubscribe = c.k === "thread" ? { kind: "thread", forumId: c.f, threadId: c.t } : c.k === "forum" ? { kind: "forum", forumId: c.f } : { kind: "digest" };
  return { tenantId: c.c, userId: c.u, what };
}

/**
 * What the unsubscribe page names, or null when the thread or forum is gone (from this
 * coalition: the scoped client finds nothing of another).
 */
export async function describeUnsubscribe(db: Db, what: Unsubscribe): Promise<{ forum: string; thread: string } | null> {
  if (what.kind === "digest") return { forum: "", thread: "" };
  if (what.kind === "forum") {
    const forum = await db.forum.findFirst({ where: { id: what.forumId }, select: { name: true } });
    return forum ? { forum: forum.name, thread: "" } : null;
  }
  const thread = await db.forumThread.findFirst({ where: { id: what.threadId, forumId: what.forumId }, select: { title: true, forum: { select: { name: true } } } });
  return thread ? { forum: thread.forum.name, thread: thread.title } : null;
}

/** Turns the email off for the person; a second time finds it already off. */
export async function applyUnsubscribe(db: Db, tenantId: string, userId: string, what: Unsubscribe): Promise<void> {
  if (what.kind === "digest") {
    await db.forumDigestPreference.updateMany({ where: { userId, frequency: { not: "NONE" } }, data: { frequency: "NONE" } });
  } else if (what.kind === "thread") {
    await setLevel(db, tenantId, userId, what.forumId, what.threadId, "MUTE");
  } else {
    // Only a watched forum goes back to NORMAL: a muted one stays muted.
    const watching = await db.forumSubscription.count({ where: { userId, forumId: what.forumId, threadId: null, level: "WATCH" } });
    if (watching) await setLevel(db, tenantId, userId, what.forumId, null, "NORMAL");
  }
}
