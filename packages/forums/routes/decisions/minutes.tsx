import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { invalid } from "@commons/plugin-sdk/forms/server";
import { Button, CheckboxField, CheckboxGroup, TextAreaField, TextField, SelectField } from "@commons/ui";
import { forumNav, guard, participantsOf, type Db, type RouteArgs } from "../../src/access.server.ts";
import { meetingIds, moderatedMeeting } from "../../src/decisions/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { Feedback, failureOf, type ActionResult, decisionsLinks } from "../../src/decisions/components.tsx";
import { decisionsT, useDecisionsT, type DecisionsT } from "../../src/decisions/i18n.ts";
import { ACTION_POINTS_MAX, MINUTES_MAX, parseMinutes, saveMinutes, secretariatOf } from "../../src/decisions/meetings.server.ts";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";

export const links = decisionsLinks;

export const meta: MetaFunction = () => [{ title: `${decisionsT()("forums.decisions.minutes.title")} · Commons` }];

/** Empty action point rows below the written ones: enough to add a few without JavaScript. */
const SPARE_ROWS = 3;
const MIN_ROWS = 5;

/**
 * Who may be ticked as an attendee or own an action point: the forum's people and their
 * organisations, and the coalition's secretariat (who often run the meeting without being
 * participants).
 */
async function ownerChoices(db: Db, forumId: string, t: DecisionsT) {
  const [people, secretariat] = await Promise.all([participantsOf(db, forumId), secretariatOf(db)]);
  const organisations = new Map<string, string>();
  for (const p of people) if (p.organisationId && p.organisationName) organisations.set(p.organisationId, p.organisationName);
  const listed = new Set(people.map((p) => p.userId));
  const choices = [
    ...people.map((p) => ({ id: p.userId, name: p.name, label: p.organisationName ? `${p.name} (${p.organisationName})` : p.affiliation ? `${p.name} (${p.affiliation})` : p.name })),
    ...secretariat.filter((s) => !listed.has(s.userId)).map((s) => ({ id: s.userId, name: s.name, label: `${s.name} (${t("forums.decisions.minutes.secretariat")})` })),
  ];
  return {
    people: choices.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    organisations: [...organisations].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export async function loader(args: RouteArgs) {
  const ids = meetingIds(args);
  const { forumId, meetingId } = ids;
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const { entry, meeting: m } = await moderatedMeeting(ctx, ids, args.request);
    const [choices, points] = await Promise.all([
      ownerChoices(ctx.db, forumId, decisionsT(ctx.person.locale)),
      ctx.db.forumActionPoint.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { description: true, ownerUserId: true, ownerOrganisationId: true, ownerName: true, dueOn: true } }),
    ]);
    return {
      nav: forumNav(ctx, entry),
      meeting: { id: m.id, title: m.title, minutes: m.minutes, attendees: m.attendeeUserIds, otherAttendees: m.otherAttendees, published: !!m.minutesPublishedAt },
      choices,
      actionPoints: points.map((a) => ({
        description: a.description,
        owner: a.ownerUserId ? `user:${a.ownerUserId}` : a.ownerOrganisationId ? `org:${a.ownerOrganisationId}` : "",
        ownerName: a.ownerName,
        due: a.dueOn?.toISOString().slice(0, 10) ?? "",
      })),
      // Through the loader: a .server module cannot reach the browser bundle.
      limits: { minutes: MINUTES_MAX, actionPoints: ACTION_POINTS_MAX },
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
    const t = decisionsT(ctx.person.locale);
    const choices = await ownerChoices(ctx.db, forumId, t);
    const parsed = parseMinutes(form, t, { people: new Map(choices.people.map((p) => [p.id, p.name])), organisations: new Map(choices.organisations.map((o) => [o.id, o.name])) });
    if (!parsed.ok) return invalid(form, parsed.errors);
    await saveMinutes(ctx.db, ctx.tenant.id, meetingId, parsed.data, form.get("publish") === "on", new Date());
    return redirect(`/c/${ctx.tenant.slug}/forums/${forumId}/meetings/${meetingId}`);
  });
}

export default function Minutes() {
  const t = useDecisionsT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const { nav, meeting, choices } = data;
  const failure = failureOf(result, "minutes");
  const value = (name: string, fallback: string) => failure?.values[name] ?? fallback;
  const sent = failure ? Number.parseInt(failure.values.rows ?? "0", 10) || 0 : 0;
  const rows = Math.min(data.limits.actionPoints, Math.max(MIN_ROWS, data.actionPoints.length + SPARE_ROWS, sent));
  const ownerOptions = [
    { value: "", label: t("forums.decisions.actionPoints.ownerNone") },
    ...choices.organisations.map((o) => ({ value: `org:${o.id}`, label: t("forums.decisions.actionPoints.ownerOrganisation", { name: o.name }) })),
    ...choices.people.map((p) => ({ value: `user:${p.id}`, label: p.label })),
  ];
  return (
    <main id="main">
      <ForumNav nav={nav} current="meetings" title={t("forums.decisions.minutes.titleOf", { title: meeting.title })} inside />
      <Feedback result={result} intent="minutes" />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="minutes" />
        <input type="hidden" name="rows" value={rows} />
        <CheckboxGroup
          name="attendees"
          legend={t("forums.decisions.minutes.attendees")}
          options={choices.people.map((p) => ({ value: p.id, label: p.label }))}
          defaultValues={failure?.lists?.attendees ?? meeting.attendees}
          error={failure?.errors.attendees}
        />
        <TextAreaField name="otherAttendees" label={t("forums.decisions.minutes.otherAttendees")} hint={t("forums.decisions.minutes.otherAttendeesHint")} rows={3} defaultValue={value("otherAttendees", meeting.otherAttendees)} error={failure?.errors.otherAttendees} />
        <TextAreaField name="minutes" label={t("forums.decisions.minutes.discussed")} hint={t("forums.decisions.markdownHint")} rows={14} maxLength={data.limits.minutes} defaultValue={value("minutes", meeting.minutes)} error={failure?.errors.minutes} />
        <h2>{t("forums.decisions.actionPoints.heading")}</h2>
        <p>{t("forums.decisions.actionPoints.hint")}</p>
        {Array.from({ length: rows }, (_, i) => {
          const saved = data.actionPoints[i];
          return (
            <fieldset key={i} className="action-point">
              <legend>{t("forums.decisions.actionPoints.row", { row: i + 1 })}</legend>
              <TextField name={`ap-${i}-description`} label={t("forums.decisions.actionPoints.description")} maxLength={500} defaultValue={value(`ap-${i}-description`, saved?.description ?? "")} error={failure?.errors[`ap-${i}-description`]} />
              <SelectField name={`ap-${i}-owner`} label={t("forums.decisions.actionPoints.owner")} options={ownerOptions} defaultValue={value(`ap-${i}-owner`, saved?.owner ?? "")} error={failure?.errors[`ap-${i}-owner`]} />
              <TextField name={`ap-${i}-ownerName`} label={t("forums.decisions.actionPoints.ownerName")} hint={t("forums.decisions.actionPoints.ownerNameHint")} maxLength={200} defaultValue={value(`ap-${i}-ownerName`, saved?.ownerName ?? "")} error={failure?.errors[`ap-${i}-ownerName`]} />
              <TextField name={`ap-${i}-due`} type="date" label={t("forums.decisions.actionPoints.due")} defaultValue={value(`ap-${i}-due`, saved?.due ?? "")} error={failure?.errors[`ap-${i}-due`]} />
            </fieldset>
          );
        })}
        {meeting.published ? <p>{t("forums.decisions.minutes.alreadyPublished")}</p> : <CheckboxField name="publish" label={t("forums.decisions.minutes.publish")} hint={t("forums.decisions.minutes.publishHint")} defaultChecked={failure?.values.publish === "on"} />}
        <Button>{t("forums.decisions.minutes.save")}</Button>
      </Form>
    </main>
  );
}
