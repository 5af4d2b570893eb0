export const MODULE_ID = "members";

export const PERMISSIONS = {
  /** See the member directory and organisation profiles (stakeholders do not, unless it is public). */
  directory: "members:directory",
  /** The secretariat's work: applications, membership status, people and roles, import, export of people. */
  manage: "members:manage",
  /** A focal point invites colleagues into their own organisation and edits its profile. */
  ownOrganisation: "members:own-organisation",
} as const;

export const EVENTS = {
  applicationSubmitted: "members.application_submitted",
  applicationInfoRequested: "members.application_info_requested",
  applicationRejected: "members.application_rejected",
  applicationApproved: "members.application_approved",
  statusChanged: "members.organisation_status_changed",
  /** Core event this module is the source of. */
  organisationAdmitted: "organisation.admitted",
} as const;

/** The kinds of organisation a coalition's members are, unless the coalition lists its own. */
export const DEFAULT_ORGANISATION_TYPES = [
  "NGO",
  "Community-based organisation",
  "People's organisation",
  "Network",
  "Academic",
  "Faith-based",
  "Cooperative",
  "Media",
] as const;

export const ORGANISATION_STATUSES = ["APPLIED", "ACTIVE", "SUSPENDED", "LEFT"] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

/** Which status changes the secretariat may make (APPLIED → ACTIVE happens by approving an application). */
export const STATUS_TRANSITIONS: Readonly<Record<OrganisationStatus, readonly OrganisationStatus[]>> = {
  APPLIED: ["ACTIVE", "LEFT"],
  ACTIVE: ["SUSPENDED", "LEFT"],
  SUSPENDED: ["ACTIVE", "LEFT"],
  LEFT: ["ACTIVE"],
};

/** Suspended organisations keep read access to past records but cannot answer consultations. */
export function canTakePart(status: OrganisationStatus): boolean {
  return status === "ACTIVE";
}

export const PAGE_SIZE = 25;
