/** Ids the manifest declares and the routes check; plain data, safe in any bundle. */
export const MODULE_ID = "taskforce";

export const PERMISSIONS = {
  view: "taskforce:view",
  manage: "taskforce:manage",
  contribute: "taskforce:contribute",
} as const;

export const EVENTS = {
  /** Payload: { deliverableId, taskforceId, audience: "coalition" | "taskforce" }. */
  deliverablePublished: "taskforce.deliverable_published",
  /** Payload: { deliverableId, status }. People Informed on the deliverable are emailed. */
  deliverableStatusChanged: "taskforce.deliverable_status_changed",
  /**
   * Payload: { deliverableId, dueDate: "YYYY-MM-DD", days }. Recorded by the due-soon job once
   * per deliverable and due date; the people Responsible and Accountable are emailed.
   */
  deliverableDueSoon: "taskforce.deliverable_due_soon",
} as const;

export const JOBS = {
  /** Every morning: deliverables due within the coalition's reminderDaysBefore. */
  dueSoon: "due-soon",
} as const;

/** The email templates of the server entry (ctx.email). */
export const EMAILS = {
  published: "published",
  statusChanged: "status-changed",
  dueSoon: "due-soon",
} as const;

/** The roles that see taskforces (taskforce:view): only they are emailed about a deliverable. */
export const VIEWER_ROLES = ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER"] as const;

export const DELIVERABLE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "IN_REVIEW", "DONE"] as const;
