export const MODULE_ID = "consultations";

export const PERMISSIONS = {
  /** Draft, open, follow, close consultations and publish their results and statements. */
  manage: "consultations:manage",
  /** Answer the consultations one's organisation (or oneself) is asked. */
  takePart: "consultations:take-part",
} as const;

export const EVENTS = {
  /** Core events this module is the source of. */
  opened: "consultation.opened",
  closed: "consultation.closed",
  /** A reminder is due for those who have not submitted (from the reminders job or the button). */
  reminderDue: "consultations.reminder_due",
} as const;

export const JOBS = {
  /** Sends the reminders that have come due and closes consultations past their deadline. */
  tick: "tick",
} as const;

export const QUESTION_KINDS = ["SHORT_TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE", "RANKING", "YES_NO"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MODES = ["ORGANISATION", "PERSON"] as const;
export const VISIBILITIES = ["SECRETARIAT", "PARTICIPANTS", "ANONYMOUS"] as const;
export const AUDIENCE_KINDS = ["ALL", "FILTERED", "PICKED"] as const;

/** A response's and a recipient's key: the organisation in ORGANISATION mode, else the person. */
export const respondentKey = {
  organisation: (organisationId: string) => `org:${organisationId}`,
  person: (userId: string) => `user:${userId}`,
};

export const PAGE_SIZE = 25;
