import type { Role } from "@commons/db";

/**
 * Permissions are `action:entity` strings (Epic Stack's convention); roles grant them by
 * default. Modules add their own through the plugin contract. Every loader and action
 * checks one on the server; hiding a link is never the check.
 */
export const CORE_PERMISSIONS = {
  "coalition:view": "See the coalition's member pages",
  "member:invite": "Invite people into the coalition",
  "activity:read": "Read the activity record",
  "role:change": "Change people's roles",
  "module:manage": "Switch plugins on or off and edit their settings",
} as const;

export type Permission = keyof typeof CORE_PERMISSIONS | (string & {});

const SECRETARIAT: Permission[] = ["coalition:view", "member:invite"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  SECRETARIAT_ADMIN: [...SECRETARIAT, "activity:read", "role:change", "module:manage"],
  SECRETARIAT_STAFF: SECRETARIAT,
  FOCAL_POINT: ["coalition:view"],
  MEMBER: ["coalition:view"],
  // Stakeholders see only the forums they are invited to (the forums module grants those).
  STAKEHOLDER: [],
};

export function permissionsFor(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export const ROLES: readonly Role[] = ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER", "STAKEHOLDER"];
