import { z } from "zod";
import { renderMarkdown } from "@commons/markdown";
import { notFound } from "@commons/plugin-sdk/server";
import type { Db } from "../access.server.ts";
import type { Names } from "../participants.server.ts";
import type { DecisionsT } from "./i18n.ts";
import { fromDateInput, fromLocalInput, isTimeZone } from "./time.ts";

export const MEETING_TITLE_MAX = 200;
export const AGENDA_MAX_ITEMS = 30;
export const MINUTES_MAX = 50_000;
export const ACTION_POINTS_MAX = 50;

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** The meeting form's schema: times typed in the zone chosen on the form. Every field checked in one pass. */
export function meetingSchema(t: DecisionsT) {
  return z
    .object({
      title: z.string().default(""),
      startsAt: z.string().max(40).default(""),
      endsAt: z.string().max(40).default(""),
      timezone: z.string().max(64).default(""),
      place: z.string().default(""),
      link: z.string().default(""),
      agenda: z.string().default(""),
    })
    .transform((raw, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      const title = raw.title.trim();
      if (!title) issue("title", t("forums.decisions.meeting.error.title"));
      else if (title.length > MEETING_TITLE_MAX) issue("title", t("forums.decisions.meeting.error.titleLong", { max: MEETING_TITLE_MAX }));
      const zone = raw.timezone.trim();
      const zoneOk = isTimeZone(zone);
      if (!zoneOk) issue("timezone", t("forums.decisions.meeting.error.timezone"));
      const startsAt = zoneOk ? fromLocalInput(raw.startsAt, zone) : null;
      const endsAt = zoneOk ? fromLocalInput(raw.endsAt, zone) : null;
      if (zoneOk && !startsAt) issue("startsAt", t("forums.decisions.meeting.error.startsAt"));
      if (zoneOk && !endsAt) issue("endsAt", t("forums.decisions.meeting.error.endsAt"));
      else if (startsAt && endsAt && endsAt <= startsAt) issue("endsAt", t("forums.decisions.meeting.error.endBeforeStart"));
      const place = raw.place.trim();
      if (place.length > 300) issue("place", t("forums.decisions.meeting.error.placeLong"));
      const link = raw.link.trim();
      if (link && (link.length > 500 || !/^https?:\/\/[^\s]+$/i.test(link) || !URL.canParse(link))) issue("link", t("forums.decisions.meeting.error.link"));
      const agenda = lines(raw.agenda);
      if (agenda.length > AGENDA_MAX_ITEMS || agenda.some((a) => a.length > 300)) issue("agenda", t("forums.decisions.meeting.error.agenda", { max: AGENDA_MAX_ITEMS }));
      return { title, timezone: zone, startsAt: startsAt ?? new Date(0), endsAt: endsAt ?? new Date(0), place, link, agenda };
    });
}

export type MeetingInput = z.infer<ReturnType<typeof meetingSchema>>;

export async function findMeeting(db: Db, forumId: string, meetingId: string) {
  const meeting = await db.forumMeeting.findFirst({
    where: { id: meetingId, forumId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timezone: true,
      place: true,
      link: true,
      agenda: true,
      minutes: true,
      attendeeUserIds: true,
      otherAttendees: true,
      minutesPublishedAt: true,
      cancelledAt: true,
      createdAt: true,
    },
  });
  if (!meeting) throw notFound();
  return meeting;
}

export const RSVP_ANSWERS = ["YES", "NO", "MAYBE"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** An action point as the meeting page and the record read it (from JSON: dueOn is YYYY-MM-DD). */
export interface ActionPointRow {
  id: string;
  description: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  ownerName: string;
  dueOn: string | null;
}

/**
 * A meeting's answers (the first 2,000, oldest first) and, when its minutes are published,
 * its action points in order: one statement.
 */
export async function rsvpsAndActionPoints(db: Db, meetingId: string, published: boolean): Promise<{ rsvps: { userId: string; answer: RsvpAnswer }[]; actionPoints: ActionPointRow[] }> {
  const [row] = await db.$queryRaw<{ rsvps: { userId: string; answer: RsvpAnswer }[]; actionPoints: ActionPointRow[] }[]>`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('userId', r.user_id, 'answer', r.answer) ORDER BY r.updated_at, r.id), '[]')
       FROM (
         SELECT user_id, answer, updated_at, id FROM forum_rsvps
         WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND meeting_id = ${meetingId}::uuid
         ORDER BY updated_at, id LIMIT 2000
       ) r) AS rsvps,
      (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'description', a.description, 'ownerUserId', a.owner_user_id, 'ownerOrganisationId', a.owner_organisation_id,
                                                  'ownerName', a.owner_name, 'dueOn', a.due_on) ORDER BY a.position), '[]')
       FROM forum_action_points a
       WHERE ${published} AND a.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND a.meeting_id = ${meetingId}::uuid) AS "actionPoints"`;
  return { rsvps: row?.rsvps ?? [], actionPoints: row?.actionPoints ?? [] };
}

/**
 * One answer per person and meeting (the unique key): the first answer inserts, a later one
 * changes it. The insert does nothing on a conflict, so two clicks at once leave one row.
 */
export async function answerRsvp(db: Db, tenantId: string, meetingId: string, userId: string, answer: RsvpAnswer) {
  const inserted = await db.forumRsvp.createMany({ data: [{ tenantId, meetingId, userId, answer }], skipDuplicates: true });
  if (inserted.count === 0) await db.forumRsvp.updateMany({ where: { meetingId, userId }, data: { answer } });
}

/** Who may be an attendee or an owner: the forum's people and organisations, by id, with their names. */
export interface OwnerChoices {
  people: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, string>;
}

export interface ActionPointInput {
  description: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  ownerName: string;
  dueOn: Date | null;
}

/**
 * The minutes form: attendees ticked among the forum's people, others one per line, the
 * minutes, and rows of action points (`ap-<n>-description`, `-owner` "user:<id>" or
 * "org:<id>" among the forum's people and organisations, `-ownerName` written in, `-due`).
 * A row with nothing in it is skipped; a row with an owner or a date needs a description.
 * Owners and attendees outside the forum are refused, not stored. An owner's name is kept
 * with the point as it was when the minutes were written (the record shows who was named,
 * and reads no names to show it).
 */
export function parseMinutes(form: FormData, t: DecisionsT, owners: OwnerChoices) {
  const errors: Record<string, string> = {};
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const minutes = text("minutes");
  if (minutes.length > MINUTES_MAX) errors.minutes = t("forums.decisions.minutes.error.long", { max: MINUTES_MAX });
  const attendeeUserIds = [...new Set(form.getAll("attendees").map(String))];
  if (attendeeUserIds.some((id) => !owners.people.has(id))) errors.attendees = t("forums.decisions.minutes.error.attendees");
  const otherAttendees = lines(text("otherAttendees")).join("\n");
  if (otherAttendees.length > 5_000) errors.otherAttendees = t("forums.decisions.minutes.error.othersLong");
  const rows = Math.min(ACTION_POINTS_MAX, Math.max(0, Number.parseInt(text("rows"), 10) || 0));
  const actionPoints: ActionPointInput[] = [];
  for (let i = 0; i < rows; i++) {
    const description = text(`ap-${i}-description`);
    const owner = text(`ap-${i}-owner`);
    const ownerName = text(`ap-${i}-ownerName`);
    const due = text(`ap-${i}-due`);
    if (!description && !owner && !ownerName && !due) continue;
    if (!description) errors[`ap-${i}-description`] = t("forums.decisions.minutes.error.description", { row: i + 1 });
    else if (description.length > 500) errors[`ap-${i}-description`] = t("forums.decisions.minutes.error.descriptionLong", { row: i + 1 });
    let ownerUserId: string | null = null;
    let ownerOrganisationId: string | null = null;
    if (owner.startsWith("user:") && owners.people.has(owner.slice(5))) ownerUserId = owner.slice(5);
    else if (owner.startsWith("org:") && owners.organisations.has(owner.slice(4))) ownerOrganisationId = owner.slice(4);
    else if (owner) errors[`ap-${i}-owner`] = t("forums.decisions.minutes.error.owner", { row: i + 1 });
    if (ownerName.length > 200) errors[`ap-${i}-ownerName`] = t("forums.decisions.minutes.error.ownerNameLong", { row: i + 1 });
    const dueOn = due ? fromDateInput(due) : null;
    if (due && !dueOn) errors[`ap-${i}-due`] = t("forums.decisions.minutes.error.due", { row: i + 1 });
    const named = ownerUserId ? owners.people.get(ownerUserId) : ownerOrganisationId ? owners.organisations.get(ownerOrganisationId) : ownerName;
    actionPoints.push({ description, ownerUserId, ownerOrganisationId, ownerName: named ?? "", dueOn });
  }
  const ok = Object.keys(errors).length === 0;
  return ok ? { ok: true as const, data: { minutes, attendeeUserIds, otherAttendees, actionPoints } } : { ok: false as const, errors };
}

export type MinutesInput = Extract<ReturnType<typeof parseMinutes>, { ok: true }>["data"];

/** Writes the minutes and replaces the action points, in the caller's transaction; publishing stamps the first publication. */
export async function saveMinutes(db: Db, tenantId: string, meetingId: string, input: MinutesInput, publish: boolean, now: Date) {
  await db.forumMeeting.update({
    where: { id: meetingId },
    data: { minutes: input.minutes, attendeeUserIds: input.attendeeUserIds, otherAttendees: input.otherAttendees },
  });
  if (publish) await db.forumMeeting.updateMany({ where: { id: meetingId, minutesPublishedAt: null }, data: { minutesPublishedAt: now } });
  await db.forumActionPoint.deleteMany({ where: { meetingId } });
  if (input.actionPoints.length) {
    await db.forumActionPoint.createMany({ data: input.actionPoints.map((a, position) => ({ tenantId, meetingId, position, ...a })) });
  }
}

/**
 * The coalition's secretariat (admins and staff), who often run a forum's meetings without
 * being its participants: they may be ticked as attendees and own action points. One
 * statement, on the (tenant, role) index; ordered by name.
 */
export function secretariatOf(db: Db) {
  return db.$queryRaw<{ userId: string; name: string }[]>`
    SELECT m.user_id AS "userId", u.name
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND m.role IN ('SECRETARIAT_ADMIN', 'SECRETARIAT_STAFF')
    ORDER BY u.name, m.user_id`;
}

/** Names for action point owners and attendees: people through their memberships, organisations by id. One statement. */
export { namesIn as namesOf } from "../participants.server.ts";

type Owned = { ownerUserId: string | null; ownerOrganisationId: string | null; ownerName: string };

/** The owners whose name was not kept with their point (written before names were kept): only these are looked up. */
export function ownersToName(points: readonly Owned[]) {
  const unnamed = points.filter((a) => !a.ownerName);
  return { userIds: unnamed.flatMap((a) => (a.ownerUserId ? [a.ownerUserId] : [])), organisationIds: unnamed.flatMap((a) => (a.ownerOrganisationId ? [a.ownerOrganisationId] : [])) };
}

/** An action point's owner as the page shows it: the name kept with it, else the current one. */
export function ownerLabel(names: Names, a: Owned): string {
  if (a.ownerName) return a.ownerName;
  if (a.ownerUserId) return names.people.get(a.ownerUserId) ?? "";
  if (a.ownerOrganisationId) return names.organisations.get(a.ownerOrganisationId) ?? "";
  return "";
}

/** Minutes are rendered when read (a page shows one meeting's), under the page's h3 "What was discussed". */
export function renderMinutes(source: string): string {
  return renderMarkdown(source, { topHeading: 4 });
}
