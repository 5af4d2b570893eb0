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
} as const;
