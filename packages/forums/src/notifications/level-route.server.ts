import { redirect } from "@remix-run/node";
import { z } from "zod";
import { notFound } from "@commons/plugin-sdk/server";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { invalid } from "@commons/plugin-sdk/forms/server";
import { forumForPerson, guard, requireId, type Ctx, type RouteArgs } from "../access.server.ts";
import { PERMISSIONS } from "../constants.ts";
import { notificationsT } from "./i18n.ts";
import { LEVELS, notificationLevel, setLevel } from "./levels.server.ts";

/**
 * The forum's or thread's notification level, for the person: the record checked first
 * (404 for a forum they may not enter, or a thread of another forum), then what applies.
 */
async function target(ctx: Ctx, params: RouteArgs["params"], scope: "forum" | "thread") {
  const forumId = requireId(params.forumId);
  const threadId = scope === "thread" ? requireId(params.threadId) : null;
  const entry = await forumForPerson(ctx, forumId);
  if (!entry) throw notFound();
  let name = entry.forum.name;
  if (threadId) {
    const thread = await ctx.db.forumThread.findFirst({ where: { id: threadId, forumId }, select: { title: true } });
    if (!thread) throw notFound();
    name = thread.title;
  }
  return { forumId, threadId, name };
}

/** The page behind the form: where it lands without JavaScript when the choice was not one of the three. */
export function levelLoader(args: RouteArgs, scope: "forum" | "thread") {
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const { forumId, threadId, name } = await target(ctx, args.params, scope);
    return {
      slug: ctx.tenant.slug,
      forumId,
      threadId,
      name,
      level: await notificationLevel(ctx.db, ctx.person.id, forumId, threadId ?? undefined),
      back: pageOf(ctx.tenant.slug, forumId, threadId),
      member: ctx.nav,
    };
  });
}

export async function saveLevel(args: RouteArgs, scope: "forum" | "thread") {
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const { forumId, threadId } = await target(ctx, args.params, scope);
    const t = notificationsT(ctx.person.locale);
    const parsed = validateForm(form, z.object({ level: z.enum(LEVELS, t("forums.notifications.level.invalid")) }));
    if (!parsed.ok) return invalid(form, parsed.errors);
    await setLevel(ctx.db, ctx.tenant.id, ctx.person.id, forumId, threadId, parsed.data.level);
    // Back to the page the form was on, if it is one of this forum's; else the forum or thread.
    const page = pageOf(ctx.tenant.slug, forumId, threadId);
    const returnTo = String(form.get("returnTo") ?? "");
    const forumBase = `/c/${ctx.tenant.slug}/forums/${forumId}`;
    const safe = (returnTo === forumBase || returnTo.startsWith(`${forumBase}/`) || returnTo.startsWith(`${forumBase}?`)) && !/[\\\s]|\/\//.test(returnTo.slice(1));
    return redirect(`${safe ? returnTo.split("#")[0] : page}#notifications`);
  });
}

function pageOf(slug: string, forumId: string, threadId: string | null): string {
  return `/c/${slug}/forums/${forumId}${threadId ? `/threads/${threadId}` : ""}`;
}
