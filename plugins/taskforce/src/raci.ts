import { t } from "./i18n.ts";

export const RACI_ROLES = ["R", "A", "C", "I"] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

export type RaciCheck = { ok: true; assignments: { userId: string; role: RaciRole }[] } | { ok: false; message: string };

/**
 * Reads the matrix form (one `role:<userId>` select per taskforce member, "" for no role)
 * and checks it: exactly one Accountable. Fields for anyone who is not a member of the
 * taskforce are ignored, never trusted; an unknown role value is refused.
 */
export function validateRaci(form: FormData, memberIds: readonly string[]): RaciCheck {
  const members = new Set(memberIds);
  const assignments: { userId: string; role: RaciRole }[] = [];
  for (const [key, value] of form) {
    if (!key.startsWith("role:") || typeof value !== "string" || value === "") continue;
    const userId = key.slice("role:".length);
    if (!members.has(userId)) continue;
    if (!(RACI_ROLES as readonly string[]).includes(value)) return { ok: false, message: t("taskforce.raci.unknownRole") };
    if (assignments.some((a) => a.userId === userId)) continue;
    assignments.push({ userId, role: value as RaciRole });
  }
  const accountable = assignments.filter((a) => a.role === "A").length;
  if (accountable === 0) return { ok: false, message: t("taskforce.raci.noAccountable") };
  if (accountable > 1) return { ok: false, message: t("taskforce.raci.manyAccountable", { count: accountable }) };
  return { ok: true, assignments };
}
