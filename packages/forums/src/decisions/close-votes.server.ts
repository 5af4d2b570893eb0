import type { JobContext } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { settings as Settings } from "../settings.ts";
import { electorate, type Electorate } from "./electorate.server.ts";
import { decide } from "./outcome.ts";
import { countVotes } from "./proposals.server.ts";

export const CLOSE_VOTES_JOB = "close-votes";

/** Proposals decided per run; the next tick takes the rest. */
const BATCH = 200;

/**
 * A vote accepted just before the window closed may still be committing (a request's
 * transaction lasts up to 15 s): a proposal is counted once its window has been closed this
 * long, so no accepted vote is left out of the count.
 */
export const SETTLE_MS = 60_000;

/**
 * The close-votes job, every few minutes per coalition: each OPEN proposal whose window had
 * closed a minute before the run's tick is counted in SQL, decided by the rule copied onto it (the pure
 * `decide`), and written — outcome, counts, eligible voters, DECIDED — in the run's
 * transaction, with `decision.recorded` emitted in the same transaction. The write claims
 * the row only while it is still OPEN, so a second run (or a retry, or two at once: the
 * second waits for the first's row lock, then finds it DECIDED) records nothing new.
 * Eligible voters are the forum's participants when the window closes.
 */
export async function closeVotes({ db, scheduledAt, emit, log }: JobContext<typeof Settings>): Promise<void> {
  const due = await db.forumProposal.findMany({
    where: { status: "OPEN", closesAt: { lte: new Date(scheduledAt.getTime() - SETTLE_MS) } },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    take: BATCH,
    select: { id: true, forumId: true, options: true, choices: true, quorumPercent: true, thresholdPercent: true, blocksStop: true, voteUnit: true, stakeholdersVote: true },
  });
  // One run, one coalition: the forum's participants are read once per rule within it.
  const electorates = new Map<string, Electorate>();
  let decided = 0;
  for (const proposal of due) {
    const ruleKey = `${proposal.forumId}|${proposal.voteUnit}|${proposal.stakeholdersVote}`;
    let voters = electorates.get(ruleKey);
    if (!voters) electorates.set(ruleKey, (voters = await electorate(db, proposal.forumId, proposal)));
    const votes = await countVotes(db, proposal.id);
    const decision = decide(proposal, { eligible: voters.keys.size, counts: votes });
    const claimed = await db.forumProposal.updateMany({
      where: { id: proposal.id, status: "OPEN" },
      data: {
        status: "DECIDED",
        outcome: decision.outcome,
        outcomeChoice: decision.outcomeChoice,
        counts: { votes, cast: decision.cast, eligible: decision.eligible },
        eligibleCount: decision.eligible,
        decidedAt: scheduledAt,
      },
    });
    if (claimed.count === 0) continue;
    await emit(EVENTS.decisionRecorded, { proposalId: proposal.id, forumId: proposal.forumId, outcome: decision.outcome });
    decided++;
  }
  if (decided) log.info("forums: proposals decided", { proposals: decided });
}
