import { describe, expect, it } from "vitest";
import { decide, type DecisionRule } from "../src/decisions/outcome.ts";

const consent: DecisionRule = { options: "CONSENT", quorumPercent: 50, thresholdPercent: 60, blocksStop: true };
const choice: DecisionRule = { options: "CHOICE", quorumPercent: 50, thresholdPercent: 50, blocksStop: true, choices: ["Manila", "Cebu", "Davao"] };

describe("consent proposals", () => {
  it("has no quorum below the quorum, and says so rather than 'rejected'", () => {
    // 12 organisations, 5 voted: 5 × 100 < 50 × 12.
    const d = decide(consent, { eligible: 12, counts: { agree: 5 } });
    expect(d).toEqual({ outcome: "NO_QUORUM", outcomeChoice: null, eligible: 12, cast: 5 });
  });

  it("meets the quorum exactly at the percentage", () => {
    expect(decide(consent, { eligible: 12, counts: { agree: 6 } }).outcome).toBe("ADOPTED");
  });

  it("counts abstentions and blocks for the quorum", () => {
    expect(decide(consent, { eligible: 10, counts: { agree: 1, abstain: 4 } }).outcome).toBe("ADOPTED");
    expect(decide({ ...consent, blocksStop: false }, { eligible: 10, counts: { agree: 4, block: 1 } }).outcome).toBe("ADOPTED");
  });

  it("adopts when the threshold is exactly met (3 of 5 is 60 %)", () => {
    expect(decide(consent, { eligible: 5, counts: { agree: 3, disagree: 2 } }).outcome).toBe("ADOPTED");
  });

  it("rejects just below the threshold", () => {
    // 5 of 9 is 55.5 %: below 60 %.
    expect(decide(consent, { eligible: 9, counts: { agree: 5, disagree: 4 } }).outcome).toBe("REJECTED");
  });

  it("leaves abstentions out of the threshold", () => {
    // 3 agree, 2 disagree, 5 abstain: 60 % of agree + disagree.
    expect(decide(consent, { eligible: 10, counts: { agree: 3, disagree: 2, abstain: 5 } }).outcome).toBe("ADOPTED");
  });

  it("does not adopt when everyone abstained", () => {
    expect(decide(consent, { eligible: 4, counts: { abstain: 4 } }).outcome).toBe("REJECTED");
  });

  it("stops at one block when blocks stop", () => {
    expect(decide(consent, { eligible: 5, counts: { agree: 4, block: 1 } }).outcome).toBe("BLOCKED");
  });

  it("counts a block as a disagree when blocks do not stop", () => {
    const rule = { ...consent, blocksStop: false };
    expect(decide(rule, { eligible: 5, counts: { agree: 2, block: 2 } }).outcome).toBe("REJECTED");
    expect(decide(rule, { eligible: 5, counts: { agree: 3, block: 2 } }).outcome).toBe("ADOPTED");
  });

  it("checks the quorum before blocks: a block without quorum is still no quorum", () => {
    expect(decide(consent, { eligible: 10, counts: { block: 1 } }).outcome).toBe("NO_QUORUM");
  });

  it("has no quorum with nobody eligible, even at quorum 0 %", () => {
    expect(decide({ ...consent, quorumPercent: 0 }, { eligible: 0, counts: {} }).outcome).toBe("NO_QUORUM");
  });
});

describe("choice proposals", () => {
  it("chooses the top choice with at least the threshold", () => {
    const d = decide(choice, { eligible: 6, counts: { Manila: 3, Cebu: 2, Davao: 1 } });
    expect(d).toEqual({ outcome: "CHOSEN", outcomeChoice: "Manila", eligible: 6, cast: 6 });
  });

  it("has no majority when the top choice is below the threshold", () => {
    expect(decide(choice, { eligible: 7, counts: { Manila: 3, Cebu: 2, Davao: 2 } }).outcome).toBe("NO_MAJORITY");
  });

  it("has no majority on a tie at the top, even when both meet the threshold", () => {
    expect(decide(choice, { eligible: 4, counts: { Manila: 2, Cebu: 2 } }).outcome).toBe("NO_MAJORITY");
  });

  it("leaves abstentions out of the threshold but counts them for the quorum", () => {
    const d = decide(choice, { eligible: 8, counts: { Cebu: 2, Davao: 1, abstain: 2 } });
    expect(d.outcome).toBe("CHOSEN");
    expect(d.outcomeChoice).toBe("Cebu");
    expect(d.cast).toBe(5);
  });

  it("has no majority when everyone abstained", () => {
    expect(decide(choice, { eligible: 2, counts: { abstain: 2 } }).outcome).toBe("NO_MAJORITY");
  });

  it("has no quorum below the quorum", () => {
    expect(decide(choice, { eligible: 10, counts: { Manila: 4 } }).outcome).toBe("NO_QUORUM");
  });
});
