/** The coalition roles (DESIGN.md), as the contract names them; mirrors the database enum. */
export const ROLES = ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER", "STAKEHOLDER"] as const;
export type Role = (typeof ROLES)[number];
