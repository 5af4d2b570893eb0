export const MODULE_ID = "forums";

export const PERMISSIONS = {
  /** Create forums, choose their participants and moderate every forum. */
  manage: "forums:manage",
  /** Enter the forums one takes part in (stakeholders included: each forum checks who is in it). */
  takePart: "forums:take-part",
} as const;

export const EVENTS = {
  /** Core events this module is the source of. */
  postCreated: "post.created",
  decisionRecorded: "decision.recorded",
  /** A person's daily or weekly digest is due (the digest job; the subscriber builds and sends it). */
  digestDue: "forums.digest_due",
} as const;

export const PAGE_SIZE = 25;
