import { guard as forumsGuard, type Ctx, type RouteArgs } from "../access.server.ts";
import { PERMISSIONS } from "../constants.ts";

export { enterForum, forumNav, requireId, type Ctx, type Db, type ForumEntry, type RouteArgs } from "../access.server.ts";

/** Every threads route starts here: signed in, in this coalition, allowed to take part in forums; each then enters its forum. */
export function guard<T>(args: RouteArgs, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return forumsGuard(args, PERMISSIONS.takePart, work);
}

export function pageParam(request: Request, name = "page"): number {
  const page = Number(new URL(request.url).searchParams.get(name) ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
}
