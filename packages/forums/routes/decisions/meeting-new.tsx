import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { formError, invalid } from "@commons/plugin-sdk/forms/server";
import { notFound } from "@commons/plugin-sdk/server";
import { enterForum, forumNav, guard, requireId, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { Feedback, type ActionResult, decisionsLinks } from "../../src/decisions/components.tsx";
import { decisionsT, useDecisionsT } from "../../src/decisions/i18n.ts";
import { MeetingForm } from "../../src/decisions/meeting-form.tsx";
import { meetingSchema } from "../../src/decisions/meetings.server.ts";
import { safeZone, TIME_ZONES, toLocalInput } from "@commons/i18n";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";

export const links = decisionsLinks;

export const meta: MetaFunction = () => [{ title: `${decisionsT()("forums.decisions.meeting.new.title")} · Commons` }];

const HOUR = 3_600_000;

export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    if (!entry.canModerate) throw notFound();
    const zone = safeZone(ctx.settings.timezone);
    // A week from now at the next full hour, for an hour and a half: a starting point to edit.
    const start = new Date(Math.ceil((Date.now() + 7 * 24 * HOUR) / HOUR) * HOUR);
    return {
      nav: forumNav(ctx, entry),
      zones: TIME_ZONES,
      values: { title: "", startsAt: toLocalInput(start, zone), endsAt: toLocalInput(new Date(start.getTime() + 1.5 * HOUR), zone), timezone: zone, place: "", link: "", agenda: "" },
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId);
    if (!entry.canModerate) throw notFound();
    const t = decisionsT(ctx.person.locale);
    if (entry.forum.archivedAt) return formError(form, t("forums.decisions.meeting.error.archived"), 409);
    const parsed = validateForm(form, meetingSchema(t));
    if (!parsed.ok) return invalid(form, parsed.errors);
    const meeting = await ctx.db.forumMeeting.create({ data: { tenantId: ctx.tenant.id, forumId, createdById: ctx.person.id, ...parsed.data }, select: { id: true } });
    return redirect(`/c/${ctx.tenant.slug}/forums/${forumId}/meetings/${meeting.id}`);
  });
}

export default function NewMeeting() {
  const t = useDecisionsT();
  const { nav, zones, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  return (
    <main id="main">
      <ForumNav nav={nav} current="meetings" title={t("forums.decisions.meeting.new.title")} inside />
      <Feedback result={result} intent="meeting" />
      <MeetingForm values={values} zones={zones} result={result} submit={t("forums.decisions.meeting.new.submit")} />
    </main>
  );
}
