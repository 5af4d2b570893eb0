import { notFound } from "@commons/plugin-sdk/server";
import { enterForum, guard as forumsGuard, type Ctx, type RouteArgs } from "../access.server.ts";
import { PERMISSIONS } from "../constants.ts";
import { postAndThread } from "./posts.server.ts";

export { enterForum, forumNav, requireId, type Ctx, type Db, type ForumEntry, type RouteArgs } from "../access.server.ts";

/** Every threads route starts here: signed in, in this coalition, allowed to take part in forums; each then enters its forum. */
export function guard<T>(args: RouteArgs, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return forumsGuard(args, PERMISSIONS.takePart, work);
}

export function pageParam(request: Request, name = "page"): number {
  const page = Number(new URL(request.url).searchParams.get(name) ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
}

/**
 * A moderator's page about one post (hide, history): enters the forum, refuses anyone who
 * does not moderate it with the same 404 as a post that does not exist, and reads the post
 * with its thread.
 */
export async function moderatedPost(ctx: Ctx, forumId: string, postId: string, options: { request?: Request } = {}) {
  const entry = await enterForum(ctx, forumId, options);
  if (!entry.canModerate) throw notFound();
  const { post, thread } = await postAndThread(ctx.db, forumId, postId);
  return { entry, post, thread };
}
