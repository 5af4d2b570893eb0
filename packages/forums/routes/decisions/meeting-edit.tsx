import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { invalid } from "@commons/plugin-sdk/forms/server";
import { forumNav, guard, type RouteArgs } from "../../src/access.server.ts";
import { meetingIds, moderatedMeeting } from "../../src/decisions/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { Feedback, type ActionResult, decisionsLinks } from "../../src/decisions/components.tsx";
import { decisionsT, useDecisionsT } from "../../src/decisions/i18n.ts";
import { MeetingForm } from "../../src/decisions/meeting-form.tsx";
import { meetingSchema } from "../../src/decisions/meetings.server.ts";
import { TIME_ZONES, toLocalInput } from "@commons/i18n";
import { Button } from "@commons/ui";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";

export const links = decisionsLinks;

export const meta: MetaFunction = () => [{ title: `${decisionsT()("forums.decisions.meeting.edit.title")} · Commons` }];

export async function loader(args: RouteArgs) {
  const ids = meetingIds(args);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const { entry, meeting: m } = await moderatedMeeting(ctx, ids, args.request);
    return {
      nav: forumNav(ctx, entry),
      zones: TIME_ZONES,
      meeting: { id: m.id, title: m.title, cancelled: !!m.cancelledAt },
      values: { title: m.title, startsAt: toLocalInput(m.startsAt, m.timezone), endsAt: toLocalInput(m.endsAt, m.timezone), timezone: m.timezone, place: m.place, link: m.link, agenda: m.agenda.join("\n") },
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const ids = meetingIds(args);
  const { forumId, meetingId } = ids;
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    await moderatedMeeting(ctx, ids);
    if (form.get("intent") === "cancel") {
      // A cancelled meeting stays listed and in calendars (as cancelled), so nobody comes in vain.
      await ctx.db.forumMeeting.updateMany({ where: { id: meetingId, cancelledAt: null }, data: { cancelledAt: new Date() } });
      return redirect(`/c/${ctx.tenant.slug}/forums/${forumId}/meetings/${meetingId}`);
    }
    const parsed = validateForm(form, meetingSchema(decisionsT(ctx.person.locale)));
    if (!parsed.ok) return invalid(form, parsed.errors);
    await ctx.db.forumMeeting.update({ where: { id: meetingId }, data: parsed.data });
    return redirect(`/c/${ctx.tenant.slug}/forums/${forumId}/meetings/${meetingId}`);
  });
}

export default function EditMeeting() {
  const t = useDecisionsT();
  const { nav, zones, values, meeting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  return (
    <main id="main">
      <ForumNav nav={nav} current="meetings" title={t("forums.decisions.meeting.edit.heading", { title: meeting.title })} inside />
      <Feedback result={result} intent="meeting" />
      <MeetingForm values={values} zones={zones} result={result} submit={t("forums.decisions.meeting.edit.submit")} />
      {meeting.cancelled ? (
        <p>{t("forums.decisions.meeting.cancelled")}</p>
      ) : (
        <Form method="post">
          <h2>{t("forums.decisions.meeting.cancelHeading")}</h2>
          <p>{t("forums.decisions.meeting.cancelHint")}</p>
          <input type="hidden" name="intent" value="cancel" />
          <Button variant="secondary">{t("forums.decisions.meeting.cancel")}</Button>
        </Form>
      )}
    </main>
  );
}
