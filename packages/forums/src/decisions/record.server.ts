// Types only: see electorate.server.ts (access.server.ts imports the manifest).
import type { Db } from "../access.server.ts";
import { PAGE_SIZE } from "../constants.ts";
import { namesOf, ownerLabel, ownersToName, renderMinutes, type ActionPointRow } from "./meetings.server.ts";

interface RecordMeeting {
  id: string;
  title: string;
  startsAt: Date;
  timezone: string;
  minutes: string;
  attendeeUserIds: string[];
  otherAttendees: string;
  actionPoints: ActionPointRow[];
}

/** Meetings per page of the record: each carries its minutes, so fewer than decisions. */
export const MINUTES_PAGE_SIZE = 10;

/**
 * The forum's record: decided proposals (latest first) and published minutes with their
 * action points (latest meeting first), each paged on its own. Three statements: proposals,
 * meetings with their action points, and the attendees' names (owners' names are kept with
 * their points). One more row than shown tells whether a next page exists.
 */
export async function forumRecord(db: Db, forumId: string, pages: { decisions: number; minutes: number }, options: { withOpen: boolean }) {
  const [proposals, meetings] = await Promise.all([
    // Participants see the open proposals above the decided ones: one list (OPEN sorts before
    // DECIDED), paged together, so the open ones cost no statement of their own.
    db.forumProposal.findMany({
      where: options.withOpen ? { forumId } : { forumId, status: "DECIDED" },
      orderBy: [{ status: "asc" }, { decidedAt: "desc" }, { closesAt: "asc" }, { id: "desc" }],
      skip: (pages.decisions - 1) * PAGE_SIZE,
      take: PAGE_SIZE + 1,
      select: {
        id: true,
        title: true,
        voteUnit: true,
        options: true,
        quorumPercent: true,
        thresholdPercent: true,
        blocksStop: true,
        stakeholdersVote: true,
        publicVotes: true,
        outcome: true,
        outcomeChoice: true,
        counts: true,
        eligibleCount: true,
        decidedAt: true,
        choices: true,
        status: true,
        closesAt: true,
      },
    }),
    // Published minutes with their action points (in order), one statement.
    db.$queryRaw<RecordMeeting[]>`
      SELECT m.id, m.title, m.starts_at AS "startsAt", m.timezone, m.minutes, m.attendee_user_ids::text[] AS "attendeeUserIds", m.other_attendees AS "otherAttendees",
             COALESCE((
               SELECT json_agg(json_build_object('id', a.id, 'description', a.description, 'ownerUserId', a.owner_user_id, 'ownerOrganisationId', a.owner_organisation_id,
                                                 'ownerName', a.owner_name, 'dueOn', a.due_on) ORDER BY a.position)
               FROM forum_action_points a WHERE a.tenant_id = m.tenant_id AND a.meeting_id = m.id
             ), '[]') AS "actionPoints"
      FROM forum_meetings m
      WHERE m.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND m.forum_id = ${forumId}::uuid AND m.minutes_published_at IS NOT NULL
      ORDER BY m.starts_at DESC, m.id DESC
      OFFSET ${(pages.minutes - 1) * MINUTES_PAGE_SIZE} LIMIT ${MINUTES_PAGE_SIZE + 1}`,
  ]);
  const shownMeetings = meetings.slice(0, MINUTES_PAGE_SIZE);
  const points = shownMeetings.flatMap((m) => m.actionPoints);
  const unnamed = ownersToName(points);
  const names = await namesOf(db, [...shownMeetings.flatMap((m) => m.attendeeUserIds), ...unnamed.userIds], unnamed.organisationIds);
  const shown = proposals.slice(0, PAGE_SIZE);
  const decided = shown.filter((p) => p.status === "DECIDED");
  return {
    open: shown.filter((p) => p.status === "OPEN").map((p) => ({ id: p.id, title: p.title, closesAt: p.closesAt.toISOString() })),
    decisions: decided.map((p) => {
      const stored = p.counts as { votes?: Record<string, number>; cast?: number };
      const values = p.options === "CONSENT" ? ["agree", "disagree", "abstain", "block"] : [...p.choices, "abstain"];
      return {
        id: p.id,
        title: p.title,
        rule: { voteUnit: p.voteUnit, options: p.options, quorumPercent: p.quorumPercent, thresholdPercent: p.thresholdPercent, blocksStop: p.blocksStop, stakeholdersVote: p.stakeholdersVote, publicVotes: p.publicVotes },
        outcome: p.outcome ?? "NO_QUORUM",
        outcomeChoice: p.outcomeChoice,
        votes: values.map((value) => ({ value, votes: stored.votes?.[value] ?? 0 })),
        cast: stored.cast ?? 0,
        eligible: p.eligibleCount ?? 0,
        decidedAt: p.decidedAt?.toISOString() ?? null,
      };
    }),
    decisionsNext: proposals.length > PAGE_SIZE,
    minutes: shownMeetings.map((m) => ({
      id: m.id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      timezone: m.timezone,
      html: renderMinutes(m.minutes),
      attendees: [...m.attendeeUserIds.map((id) => names.people.get(id) ?? "").filter(Boolean), ...(m.otherAttendees ? m.otherAttendees.split("\n") : [])],
      actionPoints: m.actionPoints.map((a) => ({ id: a.id, description: a.description, owner: ownerLabel(names, a), dueOn: a.dueOn })),
    })),
    minutesNext: meetings.length > MINUTES_PAGE_SIZE,
  };
}
