import type { Role } from "@commons/plugin-sdk";
import type { OrganisationStatus } from "../constants.ts";
import type { MembersT } from "../i18n.ts";

export function roleLabel(t: MembersT, role: Role): string {
  return t(`members.people.role.${role}`);
}

export function statusLabel(t: MembersT, status: OrganisationStatus): string {
  return t(`members.status.${status}`);
}
