import { notFound } from "@commons/plugin-sdk/server";
import { enterForum, requireId, type Ctx, type RouteArgs } from "../access.server.ts";
import { findMeeting } from "./meetings.server.ts";

/** The forum and meeting ids of a meeting's URL; anything but UUIDs is a page that does not exist. */
export function meetingIds(args: RouteArgs) {
  return { forumId: requireId(args.params.forumId), meetingId: requireId(args.params.meetingId) };
}

/**
 * For the pages only the forum's moderators and managers use (editing a meeting, its
 * minutes): the person's entry and the meeting, or 404 for anyone else and for a meeting of
 * another forum. `request` (loaders) sends a person who has not accepted the rules to them.
 */
export async function moderatedMeeting(ctx: Ctx, ids: { forumId: string; meetingId: string }, request?: Request) {
  const entry = await enterForum(ctx, ids.forumId, request ? { request } : {});
  if (!entry.canModerate) throw notFound();
  const meeting = await findMeeting(ctx.db, ids.forumId, ids.meetingId);
  return { entry, meeting };
}

/** A page number from the query string: 1 unless a sensible whole number is given. */
export function pageOf(request: Request, name: string): number {
  const page = Number(new URL(request.url).searchParams.get(name) ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
