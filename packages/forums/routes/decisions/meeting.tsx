import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { done, fieldError, formError } from "@commons/plugin-sdk/forms/server";
import { formatDate, formatDateTime, isTimeZone, safeZone, TIME_ZONES } from "@commons/i18n";
import { Button, RadioGroup, SelectField } from "@commons/ui";
import { enterForum, forumNav, guard, requireId, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { ActionPointsTable, Feedback, type ActionResult, decisionsLinks } from "../../src/decisions/components.tsx";
import { decisionsT, useDecisionsT, useLocale } from "../../src/decisions/i18n.ts";
import { answerRsvp, findMeeting, namesOf, ownerLabel, ownersToName, renderMinutes, RSVP_ANSWERS, rsvpsAndActionPoints, type RsvpAnswer } from "../../src/decisions/meetings.server.ts";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";

export const links = decisionsLinks;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? ""} · Commons` }];

/**
 * A meeting: its time in its own zone and in the reader's (the coalition's zone, or the one
 * they pick with ?tz=), place or link, agenda, RSVP with counts and names, and the minutes
 * with action points once published. Three statements besides the guard's and entering the
 * forum: the meeting, its answers with its action points, the names.
 */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const meetingId = requireId(args.params.meetingId);
  const asked = new URL(args.request.url).searchParams.get("tz") ?? "";
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const { db, person } = ctx;
    const m = await findMeeting(db, forumId, meetingId);
    const published = !!m.minutesPublishedAt;
    const { rsvps, actionPoints } = await rsvpsAndActionPoints(db, meetingId, published);
    const unnamed = ownersToName(actionPoints);
    const names = await namesOf(db, [...rsvps.map((r) => r.userId), ...(published ? m.attendeeUserIds : []), ...unnamed.userIds], unnamed.organisationIds);
    const byAnswer = (answer: RsvpAnswer) => rsvps.filter((r) => r.answer === answer).map((r) => names.people.get(r.userId) ?? "");
    const readerZone = isTimeZone(asked) ? asked : safeZone(ctx.settings.timezone);
    const now = new Date();
    return {
      nav: forumNav(ctx, entry),
      canEdit: entry.canModerate,
      readerZone,
      zones: TIME_ZONES,
      meeting: {
        id: m.id,
        title: m.title,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        timezone: m.timezone,
        place: m.place,
        link: m.link,
        agenda: m.agenda,
        cancelled: !!m.cancelledAt,
        over: m.endsAt <= now,
      },
      rsvp: { mine: rsvps.find((r) => r.userId === person.id)?.answer ?? null, YES: byAnswer("YES"), NO: byAnswer("NO"), MAYBE: byAnswer("MAYBE") },
      minutes: published
        ? {
            html: renderMinutes(m.minutes),
            publishedAt: m.minutesPublishedAt!.toISOString(),
            attendees: m.attendeeUserIds.map((id) => names.people.get(id) ?? "").filter(Boolean),
            others: m.otherAttendees ? m.otherAttendees.split("\n") : [],
            actionPoints: actionPoints.map((a) => ({ id: a.id, description: a.description, owner: ownerLabel(names, a), dueOn: a.dueOn })),
          }
        : null,
      // Through the loader: a .server module cannot reach the browser bundle.
      answers: RSVP_ANSWERS,
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const meetingId = requireId(args.params.meetingId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    await enterForum(ctx, forumId);
    const t = decisionsT(ctx.person.locale);
    const m = await findMeeting(ctx.db, forumId, meetingId);
    const answer = String(form.get("answer") ?? "");
    if (!(RSVP_ANSWERS as readonly string[]).includes(answer)) return fieldError(form, "answer", t("forums.decisions.rsvp.error.answer"));
    if (m.cancelledAt) return formError(form, t("forums.decisions.rsvp.error.cancelled"), 409);
    if (m.endsAt <= new Date()) return formError(form, t("forums.decisions.rsvp.error.over"), 409);
    await answerRsvp(ctx.db, ctx.tenant.id, meetingId, ctx.person.id, answer as RsvpAnswer);
    return done(form, t("forums.decisions.rsvp.saved", { answer: t(`forums.decisions.rsvp.${answer as RsvpAnswer}`) }));
  });
}

export default function Meeting() {
  const t = useDecisionsT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const { nav, meeting, rsvp, minutes, readerZone } = data;
  const base = `/c/${nav.slug}/forums/${nav.forumId}/meetings/${meeting.id}`;
  const when = (zone: string) => t("forums.decisions.meeting.fromTo", { start: formatDateTime(meeting.startsAt, locale, zone), end: formatDateTime(meeting.endsAt, locale, zone) });
  return (
    <main id="main">
      <ForumNav nav={nav} current="meetings" title={meeting.title} inside />
      {meeting.cancelled ? <p className="notice notice--warning">{t("forums.decisions.meeting.cancelled")}</p> : null}
      <dl className="meeting-details">
        <dt>{t("forums.decisions.meeting.whenThere", { zone: meeting.timezone })}</dt>
        <dd>{when(meeting.timezone)}</dd>
        {readerZone !== meeting.timezone ? (
          <>
            <dt>{t("forums.decisions.meeting.whenYours", { zone: readerZone })}</dt>
            <dd>{when(readerZone)}</dd>
          </>
        ) : null}
        {meeting.place ? (
          <>
            <dt>{t("forums.decisions.meeting.field.place")}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
        {meeting.link ? (
          <>
            <dt>{t("forums.decisions.meeting.field.link")}</dt>
            <dd>
              <a href={meeting.link} rel="nofollow ugc noopener">
                {meeting.link}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <Form method="get" className="inline-form">
        <SelectField name="tz" label={t("forums.decisions.meeting.showIn")} options={data.zones.map((z) => ({ value: z, label: z }))} defaultValue={readerZone} />
        <Button variant="secondary">{t("forums.decisions.meeting.showInSubmit")}</Button>
      </Form>
      <p>
        <a href={`${base}/calendar.ics`} download>
          {t("forums.decisions.meeting.calendar")}
        </a>
        {data.canEdit ? (
          <>
            {" · "}
            <Link to={`${base}/edit`}>{t("forums.decisions.meeting.edit")}</Link>
            {" · "}
            <Link to={`${base}/minutes`}>{t(minutes ? "forums.decisions.meeting.editMinutes" : "forums.decisions.meeting.writeMinutes")}</Link>
          </>
        ) : null}
      </p>

      <h2>{t("forums.decisions.meeting.agenda")}</h2>
      {meeting.agenda.length ? (
        <ol>
          {meeting.agenda.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
      ) : (
        <p>{t("forums.decisions.meeting.noAgenda")}</p>
      )}

      <h2>{t("forums.decisions.rsvp.heading")}</h2>
      <Feedback result={result} intent="rsvp" />
      {!meeting.over && !meeting.cancelled ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="rsvp" />
          <RadioGroup
            name="answer"
            legend={t("forums.decisions.rsvp.legend")}
            options={data.answers.map((answer) => ({ value: answer, label: t(`forums.decisions.rsvp.${answer}`) }))}
            defaultValue={rsvp.mine ?? undefined}
            required
          />
          <Button>{t("forums.decisions.rsvp.submit")}</Button>
        </Form>
      ) : null}
      <ul className="rsvp-counts">
        {data.answers.map((answer) => (
          <li key={answer}>
            {t("forums.decisions.rsvp.count", { answer: t(`forums.decisions.rsvp.${answer}`), count: rsvp[answer].length })}
            {rsvp[answer].length ? `: ${rsvp[answer].join(", ")}` : ""}
          </li>
        ))}
      </ul>

      <h2>{t("forums.decisions.minutes.heading")}</h2>
      {minutes ? (
        <>
          <p>{t("forums.decisions.minutes.publishedOn", { date: formatDate(minutes.publishedAt, locale, readerZone) })}</p>
          <h3>{t("forums.decisions.minutes.attendees")}</h3>
          <p>{[...minutes.attendees, ...minutes.others].join(", ") || t("forums.decisions.minutes.noAttendees")}</p>
          <h3>{t("forums.decisions.minutes.discussed")}</h3>
          {/* Rendered by @commons/markdown, which sanitises: scripts and event attributes do not survive. */}
          <div className="markdown" dangerouslySetInnerHTML={{ __html: minutes.html }} />
          <h3>{t("forums.decisions.actionPoints.heading")}</h3>
          <ActionPointsTable points={minutes.actionPoints} caption={t("forums.decisions.actionPoints.heading")} />
        </>
      ) : (
        <p>{t("forums.decisions.minutes.notYet")}</p>
      )}
    </main>
  );
}
