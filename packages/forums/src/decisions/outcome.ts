/**
 * A proposal's outcome from its decision rule and its votes: pure, so every branch of the
 * rule is tested without a database, and the job that closes a vote only counts and writes.
 *
 * The rule, as the proposal page words it:
 * - Quorum: the votes cast (abstentions and blocks included) must reach quorumPercent of the
 *   eligible voters; otherwise the proposal is NO_QUORUM — never "rejected". With nobody
 *   eligible there is no quorum either.
 * - CONSENT: with blocksStop, one block stops it (BLOCKED). Without blocksStop a block
 *   counts as a disagree. Abstentions count for the quorum only. It is ADOPTED when agree is
 *   at least thresholdPercent of agree + disagree ("exactly met" adopts) and at least one
 *   voter agreed; otherwise REJECTED.
 * - CHOICE: the choice with the most votes is CHOSEN when it has at least thresholdPercent
 *   of the votes cast for a choice (abstentions excluded) and no other choice has as many;
 *   a tie at the top, or no choice reaching the threshold, is NO_MAJORITY.
 * Percentages are compared in whole numbers (votes × 100 ≥ percent × total): no rounding.
 */

export const CONSENT_CHOICES = ["agree", "disagree", "abstain", "block"] as const;
export type ConsentChoice = (typeof CONSENT_CHOICES)[number];
/** A CHOICE proposal's voters may abstain too; no choice may be named this. */
export const ABSTAIN = "abstain";

export type Outcome = "ADOPTED" | "REJECTED" | "BLOCKED" | "NO_QUORUM" | "CHOSEN" | "NO_MAJORITY";

export interface DecisionRule {
  options: "CONSENT" | "CHOICE";
  quorumPercent: number;
  thresholdPercent: number;
  blocksStop: boolean;
  /** A CHOICE proposal's choices, in the order shown. */
  choices?: readonly string[];
}

export interface Tally {
  /** How many voters (organisations or people) the rule lets vote. */
  eligible: number;
  /** Votes per choice value ("agree", "block", a choice's text, "abstain"). */
  counts: Readonly<Record<string, number>>;
}

export interface Decision {
  outcome: Outcome;
  /** The winning choice of a CHOSEN proposal. */
  outcomeChoice: string | null;
  eligible: number;
  cast: number;
}

/** Does `part` reach `percent` % of `whole`? Integer arithmetic, so 60 % of 5 is exactly 3. */
export function reaches(part: number, whole: number, percent: number): boolean {
  return part * 100 >= percent * whole;
}

export function decide(rule: DecisionRule, tally: Tally): Decision {
  const count = (choice: string) => Math.max(0, tally.counts[choice] ?? 0);
  const cast = Object.values(tally.counts).reduce((sum, n) => sum + Math.max(0, n), 0);
  const base = { eligible: tally.eligible, cast, outcomeChoice: null };
  if (tally.eligible <= 0 || !reaches(cast, tally.eligible, rule.quorumPercent)) return { ...base, outcome: "NO_QUORUM" };

  if (rule.options === "CONSENT") {
    const blocks = count("block");
    if (rule.blocksStop && blocks > 0) return { ...base, outcome: "BLOCKED" };
    const agree = count("agree");
    const disagree = count("disagree") + (rule.blocksStop ? 0 : blocks);
    const adopted = agree > 0 && reaches(agree, agree + disagree, rule.thresholdPercent);
    return { ...base, outcome: adopted ? "ADOPTED" : "REJECTED" };
  }

  const choices = rule.choices ?? Object.keys(tally.counts).filter((c) => c !== ABSTAIN);
  const ranked = choices.map((choice) => ({ choice, votes: count(choice) })).sort((a, b) => b.votes - a.votes);
  const forAChoice = ranked.reduce((sum, r) => sum + r.votes, 0);
  const [top, second] = ranked;
  if (!top || top.votes === 0 || (second && second.votes === top.votes) || !reaches(top.votes, forAChoice, rule.thresholdPercent)) {
    return { ...base, outcome: "NO_MAJORITY" };
  }
  return { ...base, outcome: "CHOSEN", outcomeChoice: top.choice };
}
