import { z } from "zod";
import { t } from "./i18n.ts";

export const RACI_ROLES = ["R", "A", "C", "I"] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

/** One role on a deliverable, held by a person or by an organisation (exactly one id is set). */
export type RaciAssignment = { userId: string; organisationId: null; role: RaciRole } | { userId: null; organisationId: string; role: RaciRole };

/** Organisation rows the form takes; without JavaScript, more appear after each save. */
export const ORGANISATION_ROWS_MAX = 50;
/** Empty organisation rows offered below the saved ones. */
export const ORGANISATION_ROWS_BLANK = 2;

/**
 * The matrix form's field names. People keep one select each, named by their id
 * (`role:<userId>`); organisations are chosen row by row (`organisation:<n>` with
 * `organisationRole:<n>`), since a coalition has too many to list one select each.
 */
export const raciField = {
  person: (userId: string) => `role:${userId}`,
  organisation: (row: number) => `organisation:${row}`,
  organisationRole: (row: number) => `organisationRole:${row}`,
} as const;

/** The error of the matrix as a whole (Accountable count, people outside the taskforce). */
export const RACI_FIELD = "raci";

/** The organisation rows as sent, in row order: what the form puts back after a failure. */
export function organisationRows(values: Iterable<[string, unknown]>): { row: number; organisationId: string; role: string }[] {
  const rows = new Map<number, { row: number; organisationId: string; role: string }>();
  for (const [key, value] of values) {
    const match = /^(organisation|organisationRole):(\d{1,3})$/.exec(key);
    if (!match || typeof value !== "string") continue;
    const row = Number(match[2]);
    if (row >= ORGANISATION_ROWS_MAX) continue;
    const entry = rows.get(row) ?? { row, organisationId: "", role: "" };
    // A field sent twice keeps its first value, like the people's selects below.
    if (match[1] === "organisation") entry.organisationId ||= value;
    else entry.role ||= value;
    rows.set(row, entry);
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

type Known = { members: ReadonlySet<string>; organisations: ReadonlySet<string> };

const roleOrNone = z.union([z.literal(""), z.enum(RACI_ROLES)], t("taskforce.raci.unknownRole"));

/**
 * The matrix, checked against who may hold a role: people of the taskforce and
 * organisations of this coalition (`known`, looked up through the tenant-scoped client).
 * Exactly one Accountable across people and organisations; each person and each
 * organisation once.
 */
function matrixSchema(known: Known) {
  const person = z.object({
    userId: z.string().refine((id) => known.members.has(id), t("taskforce.raci.notMember")),
    role: roleOrNone,
  });
  const organisation = z
    .object({ organisationId: z.string(), role: roleOrNone })
    .superRefine((row, ctx) => {
      if (row.organisationId && !known.organisations.has(row.organisationId)) {
        ctx.addIssue({ code: "custom", path: ["organisationId"], message: t("taskforce.raci.unknownOrganisation") });
      } else if (!row.organisationId && row.role) {
        ctx.addIssue({ code: "custom", path: ["organisationId"], message: t("taskforce.raci.chooseOrganisation") });
      }
    });
  return z
    .object({ people: z.array(person), organisations: z.array(organisation) })
    .superRefine((matrix, ctx) => {
      duplicates(matrix.people.map((p) => p.userId)).forEach((i) => ctx.addIssue({ code: "custom", path: ["people", i, "role"], message: t("taskforce.raci.duplicatePerson") }));
      duplicates(matrix.organisations.map((o) => o.organisationId)).forEach((i) =>
        ctx.addIssue({ code: "custom", path: ["organisations", i, "organisationId"], message: t("taskforce.raci.duplicateOrganisation") }),
      );
      const people = matrix.people.filter((p) => p.role === "A").length;
      const organisations = matrix.organisations.filter((o) => o.organisationId && o.role === "A").length;
      if (people + organisations === 0) ctx.addIssue({ code: "custom", path: [], message: t("taskforce.raci.noAccountable") });
      else if (people + organisations > 1) {
        const key = !organisations ? "taskforce.raci.manyAccountable" : !people ? "taskforce.raci.manyAccountableOrganisations" : "taskforce.raci.manyAccountableMixed";
        ctx.addIssue({ code: "custom", path: [], message: t(key, { count: people + organisations }) });
      }
    })
    .transform((matrix): RaciAssignment[] => [
      ...matrix.people.flatMap((p) => (p.role ? [{ userId: p.userId, organisationId: null, role: p.role }] : [])),
      ...matrix.organisations.flatMap((o) => (o.organisationId && o.role ? [{ userId: null, organisationId: o.organisationId, role: o.role }] : [])),
    ]);
}

/** Positions of values already seen earlier in the list ("" is no choice, never a duplicate). */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, i) => {
    if (!value) return [];
    if (seen.has(value)) return [i];
    seen.add(value);
    return [];
  });
}

/** What the form sent, before any check: the people's selects and the organisation rows. */
export function readRaci(form: FormData) {
  const people: { userId: string; role: string }[] = [];
  for (const [key, value] of form) {
    if (key.startsWith("role:") && typeof value === "string") people.push({ userId: key.slice("role:".length), role: value });
  }
  return { people, organisations: organisationRows(form) };
}

export type RaciCheck = { ok: true; assignments: RaciAssignment[] } | { ok: false; errors: Record<string, string> };

/**
 * Checks the matrix form. Errors come back per field, as the page shows them: next to a
 * person's select, an organisation row's select, or (`raci`) on the matrix as a whole.
 */
export function validateRaci(form: FormData, known: Known): RaciCheck {
  const sent = readRaci(form);
  const result = matrixSchema(known).safeParse(sent);
  if (result.success) return { ok: true, assignments: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const [list, index, field] = issue.path;
    let name = RACI_FIELD;
    if (list === "people" && typeof index === "number" && field === "role") name = raciField.person(sent.people[index]!.userId);
    if (list === "organisations" && typeof index === "number") {
      const row = sent.organisations[index]!.row;
      name = field === "role" ? raciField.organisationRole(row) : raciField.organisation(row);
    }
    errors[name] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The roles a person holds on a deliverable: their own, and those of their organisation in this coalition. */
export function rolesOf(
  raci: readonly { userId: string | null; organisationId: string | null; role: RaciRole }[],
  person: { id: string; organisationId: string | null },
): RaciRole[] {
  return raci.filter((r) => (r.userId !== null && r.userId === person.id) || (r.organisationId !== null && r.organisationId === person.organisationId)).map((r) => r.role);
}
