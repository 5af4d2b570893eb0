import { enterForum, guard, requireId, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { meetingCalendar } from "../../src/decisions/calendar.server.ts";
import { decisionsT } from "../../src/decisions/i18n.ts";
import { findMeeting } from "../../src/decisions/meetings.server.ts";

/** The meeting as a calendar file, for the people who may see the meeting (checked like its page). */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const meetingId = requireId(args.params.meetingId);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId);
    const meeting = await findMeeting(ctx.db, forumId, meetingId);
    const page = new URL(`/c/${ctx.tenant.slug}/forums/${forumId}/meetings/${meetingId}`, args.request.url);
    const body = meetingCalendar(meeting, { url: page.toString(), forum: entry.forum.name, agendaLabel: decisionsT(ctx.person.locale)("forums.decisions.meeting.agenda") });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="meeting-${meeting.id}.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
