import type { Role } from "@commons/plugin-sdk";
import type { OrganisationStatus } from "../constants.ts";
import type { MembersT } from "../i18n.ts";

/**
 * The coalition roles, most powerful first, for selects and validation in route modules:
 * the SDK's ROLES live in its main entry, which also holds build-time (node:fs) code that
 * must stay out of the browser bundle.
 */
export const ROLES = ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER", "STAKEHOLDER"] as const satisfies readonly Role[];

export function roleLabel(t: MembersT, role: Role): string {
  return t(`members.people.role.${role}`);
}

export function statusLabel(t: MembersT, status: OrganisationStatus): string {
  return t(`members.status.${status}`);
}
