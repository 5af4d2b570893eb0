import type { SeedContext } from "@commons/plugin-sdk/server";
// Types only: the server entry imports the seed, and the manifest imports the server entry.
import type { settings } from "../settings.ts";
import { electorate, voterKey } from "./electorate.server.ts";
import { namesOf } from "./meetings.server.ts";
import { decide } from "./outcome.ts";
import { renderMarkdown } from "@commons/markdown";

type Ctx = Pick<SeedContext<typeof settings>, "db" | "tenantId">;

const DAY = 86_400_000;
const HOUR = 3_600_000;

const MINUTES = `## Disclosure of 2025 payments
The group reviewed the government's disclosure of 2025 royalty and tax payments. Three mining companies have not reported yet.

## Community monitoring
Members from Caraga and Palawan shared what the community monitors found at two sites. The findings go into the shared report.

## Next steps
The secretariat drafts a letter to the Department; members send their comments within two weeks.`;

const PROPOSAL = `The forum adopts the **2026 monitoring plan**:

- quarterly site visits by community monitors in the five priority provinces;
- a shared public report each June and December;
- a standing invitation to the companies to answer the findings before publication.`;

const OPEN_PROPOSAL = `Where should the annual assembly meet? The secretariat has quotes from three venues; the costs are in the shared folder.`;

/**
 * The decisions area's demo data for one forum, as its pages would have made it: a past
 * meeting with published minutes and action points (owned by an organisation, a person and
 * a name written in), an upcoming meeting with answers, a decided proposal whose votes,
 * counts and outcome follow the forum's rule, and an open one being voted on. Written for
 * whoever is in the forum: a forum with nobody in it gets the meetings and no votes.
 * The spaces area's seed calls it for each demo forum it creates.
 */
export async function seedForumDecisions({ db, tenantId }: Ctx, forumId: string, now: Date = new Date()): Promise<void> {
  const forum = await db.forum.findFirst({
    where: { id: forumId },
    select: { id: true, createdById: true, voteUnit: true, quorumPercent: true, thresholdPercent: true, blocksStop: true, stakeholdersVote: true, publicVotes: true },
  });
  if (!forum) return;
  const voters = await electorate(db, forumId, forum);
  const members = voters.people.filter((p) => !p.stakeholder);
  const organisations = [...new Set(members.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
  const stakeholder = voters.people.find((p) => p.stakeholder);

  // A past meeting, three weeks ago at 9:00 in Manila, with its minutes.
  const pastStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 21 * DAY + HOUR);
  const past = await db.forumMeeting.create({
    data: {
      tenantId,
      forumId,
      title: "Quarterly review with government and companies",
      startsAt: pastStart,
      endsAt: new Date(pastStart.getTime() + 2.5 * HOUR),
      timezone: "Asia/Manila",
      place: "Quezon City, CSO hub, 2nd floor",
      link: "",
      agenda: ["Welcome and the forum's rules", "Disclosure of 2025 payments", "Community monitoring findings", "Next steps"],
      minutes: MINUTES,
      attendeeUserIds: voters.people.slice(0, 8).map((p) => p.userId),
      otherAttendees: "Representative of the Provincial Environment Office",
      minutesPublishedAt: new Date(pastStart.getTime() + 2 * DAY),
      createdById: forum.createdById,
    },
    select: { id: true },
  });
  const owner = members[0];
  // Owners' names are kept with their points, as the minutes page does.
  const names = await namesOf(db, [owner?.userId, stakeholder?.userId].filter((id): id is string => !!id), organisations.slice(0, 1));
  await db.forumActionPoint.createMany({
    data: [
      { tenantId, meetingId: past.id, position: 0, description: "Send the forum's letter on missing company reports to the Department", ownerName: "Secretariat", dueOn: new Date(pastStart.getTime() + 14 * DAY) },
      ...(organisations[0] ? [{ tenantId, meetingId: past.id, position: 1, description: "Compile the community monitors' findings into the shared report", ownerOrganisationId: organisations[0], ownerName: names.organisations.get(organisations[0]) ?? "", dueOn: new Date(pastStart.getTime() + 28 * DAY) }] : []),
      ...(owner ? [{ tenantId, meetingId: past.id, position: 2, description: "Circulate the draft report for comments", ownerUserId: owner.userId, ownerName: names.people.get(owner.userId) ?? "", dueOn: new Date(pastStart.getTime() + 35 * DAY) }] : []),
      ...(stakeholder ? [{ tenantId, meetingId: past.id, position: 3, description: "Share the list of permits under review", ownerUserId: stakeholder.userId, ownerName: names.people.get(stakeholder.userId) ?? "" }] : []),
    ].map((a) => ({ ...a, dueOn: a.dueOn ? new Date(a.dueOn.toISOString().slice(0, 10)) : null })),
  });

  // An upcoming meeting in ten days, online, with a few answers.
  const nextStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 10 * DAY + 2 * HOUR);
  const next = await db.forumMeeting.create({
    data: {
      tenantId,
      forumId,
      title: "Planning the 2026 public report",
      startsAt: nextStart,
      endsAt: new Date(nextStart.getTime() + 1.5 * HOUR),
      timezone: "Asia/Manila",
      link: "https://meet.example.org/open-extractives-forum",
      agenda: ["The report's outline", "Who writes what", "Timeline"],
      createdById: forum.createdById,
    },
    select: { id: true },
  });
  const answers = ["YES", "YES", "MAYBE", "NO", "YES"] as const;
  await db.forumRsvp.createMany({ data: voters.people.slice(0, answers.length).map((p, i) => ({ tenantId, meetingId: next.id, userId: p.userId, answer: answers[i]! })) });

  // A decided proposal: voting closed a week ago; most voters agreed, one abstained.
  const rule = { options: "CONSENT" as const, quorumPercent: forum.quorumPercent, thresholdPercent: forum.thresholdPercent, blocksStop: forum.blocksStop };
  const closesAt = new Date(now.getTime() - 7 * DAY);
  const decided = await db.forumProposal.create({
    data: {
      tenantId,
      forumId,
      title: "Adopt the 2026 monitoring plan",
      body: PROPOSAL,
      bodyHtml: renderMarkdown(PROPOSAL, { topHeading: 2 }),
      authorId: forum.createdById,
      voteUnit: forum.voteUnit,
      options: "CONSENT",
      quorumPercent: forum.quorumPercent,
      thresholdPercent: forum.thresholdPercent,
      blocksStop: forum.blocksStop,
      stakeholdersVote: forum.stakeholdersVote,
      publicVotes: forum.publicVotes,
      opensAt: new Date(closesAt.getTime() - 7 * DAY),
      closesAt,
    },
    select: { id: true },
  });
  const ballots = new Map<string, { userId: string; organisationId: string | null; choice: string }>();
  for (const person of voters.people) {
    const key = voterKey(forum, person);
    if (!key || ballots.has(key)) continue;
    const n = ballots.size;
    // Three in four vote; of those, one in six abstains, one in eight disagrees.
    if (n % 4 === 3) {
      ballots.set(key, { userId: "", organisationId: null, choice: "" });
      continue;
    }
    ballots.set(key, { userId: person.userId, organisationId: key.startsWith("org:") ? person.organisationId : null, choice: n % 6 === 5 ? "abstain" : n % 8 === 6 ? "disagree" : "agree" });
  }
  const cast = [...ballots].filter(([, b]) => b.choice);
  if (cast.length) {
    await db.forumVote.createMany({
      data: cast.map(([voterKey, b], i) => ({ tenantId, proposalId: decided.id, voterKey, userId: b.userId, organisationId: b.organisationId, choice: b.choice, createdAt: new Date(closesAt.getTime() - (6 * DAY - i * HOUR)) })),
    });
  }
  const votes: Record<string, number> = {};
  for (const [, b] of cast) votes[b.choice] = (votes[b.choice] ?? 0) + 1;
  const decision = decide(rule, { eligible: voters.keys.size, counts: votes });
  await db.forumProposal.update({
    where: { id: decided.id },
    data: { status: "DECIDED", outcome: decision.outcome, outcomeChoice: decision.outcomeChoice, counts: { votes, cast: decision.cast, eligible: decision.eligible }, eligibleCount: decision.eligible, decidedAt: new Date(closesAt.getTime() + 5 * 60_000) },
  });

  // An open choice among venues, closing in five days, with a couple of votes in.
  const open = await db.forumProposal.create({
    data: {
      tenantId,
      forumId,
      title: "Venue for the 2026 annual assembly",
      body: OPEN_PROPOSAL,
      bodyHtml: renderMarkdown(OPEN_PROPOSAL, { topHeading: 2 }),
      authorId: forum.createdById,
      voteUnit: forum.voteUnit,
      options: "CHOICE",
      choices: ["Cebu City", "Davao City", "Quezon City"],
      quorumPercent: forum.quorumPercent,
      thresholdPercent: forum.thresholdPercent,
      blocksStop: forum.blocksStop,
      stakeholdersVote: forum.stakeholdersVote,
      publicVotes: forum.publicVotes,
      opensAt: new Date(now.getTime() - 2 * DAY),
      closesAt: new Date(now.getTime() + 5 * DAY),
    },
    select: { id: true },
  });
  const early = cast.slice(0, 2);
  if (early.length) {
    await db.forumVote.createMany({ data: early.map(([voterKey, b], i) => ({ tenantId, proposalId: open.id, voterKey, userId: b.userId, organisationId: b.organisationId, choice: i === 0 ? "Cebu City" : "Davao City" })) });
  }
}
