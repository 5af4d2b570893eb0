/**
 * What the spaces forms and their server checks share: limits and choices the page shows
 * and the action enforces. Not a .server module: route components import it.
 */
export const REASON_MAX = 500;
export const AFFILIATION_KINDS = ["government", "company", "donor", "community", "other"] as const;
export type AffiliationKind = (typeof AFFILIATION_KINDS)[number];

/** What the settings form starts with for a new forum (the table's defaults). */
export const NEW_FORUM_VALUES: Record<string, string> = {
  access: "INVITATION",
  proposers: "participants",
  voteUnit: "ORGANISATION",
  quorumPercent: "50",
  thresholdPercent: "50",
  blocksStop: "on",
  votingDays: "7",
};
