// Types only: see electorate.server.ts (access.server.ts imports the manifest).
import type { Db } from "../access.server.ts";
import { PAGE_SIZE } from "../constants.ts";
import { namesOf, ownerLabel, ownersToName, renderMinutes } from "./meetings.server.ts";

/** Meetings per page of the record: each carries its minutes, so fewer than decisions. */
export const MINUTES_PAGE_SIZE = 10;

/**
 * The forum's record: decided proposals (latest first) and published minutes with their
 * action points (latest meeting first), each paged on its own. Three statements (proposals,
 * meetings, their action points) and two for the attendees' names (owners' names are kept
 * with their points). One more row than shown tells whether a next page exists.
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
    db.forumMeeting.findMany({
      where: { forumId, minutesPublishedAt: { not: null } },
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      skip: (pages.minutes - 1) * MINUTES_PAGE_SIZE,
      take: MINUTES_PAGE_SIZE + 1,
      select: {
        id: true,
        title: true,
        startsAt: true,
        timezone: true,
        minutes: true,
        attendeeUserIds: true,
        otherAttendees: true,
        actionPoints: { orderBy: { position: "asc" }, select: { id: true, description: true, ownerUserId: true, ownerOrganisationId: true, ownerName: true, dueOn: true } },
      },
    }),
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
      actionPoints: m.actionPoints.map((a) => ({ id: a.id, description: a.description, owner: ownerLabel(names, a), dueOn: a.dueOn?.toISOString().slice(0, 10) ?? null })),
    })),
    minutesNext: meetings.length > MINUTES_PAGE_SIZE,
  };
}
