import type { Role } from "@commons/plugin-sdk";
import type { MembersT, MessageKey } from "../i18n.ts";
import { roleLabel } from "./labels.ts";

const ACTIONS: Record<string, MessageKey> = {
  "members.role_changed": "members.people.activity.roleChanged",
  "members.organisation_changed": "members.people.activity.organisationChanged",
  "members.person_removed": "members.people.activity.removed",
  "members.person_left": "members.people.activity.left",
  "members.profile_changed": "members.people.activity.profileChanged",
  "members.email_preferences_changed": "members.people.activity.preferencesChanged",
};

/** One line of a person's history, from an activity entry's action and data. */
export function describeActivity(t: MembersT, action: string, data: Record<string, string>): string {
  const key = ACTIONS[action];
  if (!key) return action;
  const role = (value: string | undefined) => (value ? roleLabel(t, value as Role) : "");
  return t(key, {
    ...data,
    from: action === "members.role_changed" ? role(data.from) : data.from || t("members.people.noOrganisation"),
    to: action === "members.role_changed" ? role(data.to) : data.to || t("members.people.noOrganisation"),
  });
}
