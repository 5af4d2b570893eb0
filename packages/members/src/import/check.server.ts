import { z } from "zod";
import type { Mapping, OrganisationField, PeopleField } from "./fields.ts";

/**
 * Checks every row of an import against the mapping, the coalition's lists and what the
 * coalition already holds, and says what importing it would do. Pure: the same rows and
 * the same data always give the same answer, which is what makes an import idempotent
 * (a row that would change nothing is "unchanged").
 */
export type ProblemKey =
  | "nameMissing" | "emailMissing" | "tooLong" | "emailBad" | "typeUnknown" | "regionUnknown" | "sectorUnknown" | "themeUnknown" | "languageUnknown"
  | "yearBad" | "websiteBad" | "duplicateName" | "duplicateEmail" | "duplicateMatch" | "ambiguous" | "conflict" | "organisationUnknown" | "roleBad" | "focalPointNeedsOrganisation"
  | "alreadyMember" | "alreadyInvited";

export interface Problem {
  key: ProblemKey;
  params?: Record<string, string | number>;
}

export type RowState = "new" | "update" | "unchanged" | "error";

export interface CheckedRow<Write> {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  state: RowState;
  /** The mapped cells, trimmed, for the preview. */
  cells: Record<string, string>;
  problems: Problem[];
  /** Why a row changes nothing (people: already a member, already invited). */
  note?: Problem;
  write?: Write;
}

export interface Summary {
  ready: number;
  errors: number;
  unchanged: number;
  total: number;
}

export function summarise(rows: readonly CheckedRow<unknown>[]): Summary {
  const summary = { ready: 0, errors: 0, unchanged: 0, total: rows.length };
  for (const r of rows) {
    if (r.state === "error") summary.errors++;
    else if (r.state === "unchanged") summary.unchanged++;
    else summary.ready++;
  }
  return summary;
}

/** What the coalition's settings allow; an empty list accepts any value. */
export interface Lists {
  organisationTypes: readonly string[];
  regions: readonly string[];
  sectors: readonly string[];
  themes: readonly string[];
  languages: readonly string[];
}

const MAX: Partial<Record<string, number>> = { name: 200, acronym: 50, type: 100, region: 100, province: 100, website: 300, email: 254, description: 5000, title: 200, organisation: 200 };
const LIST_ENTRY_MAX = 100;
const emailSchema = z.email();
const lower = (s: string) => s.toLocaleLowerCase("en");

/**
 * Exports put an apostrophe before a cell that a spreadsheet would run as a formula
 * ("'=1+1"); spreadsheet programs read that apostrophe as "this is text". So does the
 * import, so an export imports back unchanged.
 */
export function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function cellsOf<F extends string>(fields: readonly F[], mapping: Mapping, row: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const field of fields) {
    const index = mapping[field as keyof Mapping];
    if (index !== undefined) cells[field] = unguard(row[index] ?? "").trim();
  }
  return cells;
}

/** Each row's cells, or null for a blank row (skipped without a word). */
function rowsWithCells<F extends string>(fields: readonly F[], mapping: Mapping, rows: readonly (readonly string[])[]) {
  return rows.map((row, i) => (row.length === 0 ? null : { row: i + 2, cells: cellsOf(fields, mapping, row) }));
}

/** A value from a coalition list, spelled as the list spells it; the value itself when the list is empty. */
function fromList(list: readonly string[], value: string): string | null {
  if (!list.length) return value.length <= LIST_ENTRY_MAX ? value : null;
  return list.find((entry) => lower(entry) === lower(value)) ?? null;
}

/** "Mining; Water, Forests" → ["Mining", "Water", "Forests"]. */
export function splitList(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(/[;,\n]/)) {
    const entry = part.trim();
    if (entry && !seen.has(lower(entry))) {
      seen.add(lower(entry));
      out.push(entry);
    }
  }
  return out;
}

function normaliseWebsite(value: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") ? withScheme : null;
  } catch {
    return null;
  }
}

function checkLength(cells: Record<string, string>, problems: Problem[]) {
  for (const [field, value] of Object.entries(cells)) {
    const max = MAX[field];
    if (max && value.length > max) problems.push({ key: "tooLong", params: { field, max } });
  }
}

function checkEmail(value: string, problems: Problem[]): string {
  const email = lower(value);
  if (!emailSchema.safeParse(email).success) problems.push({ key: "emailBad", params: { value } });
  return email;
}

/** Marks a later row that repeats an earlier row's key. */
function firstSeen(seen: Map<string, number>, key: string, row: number): number | undefined {
  const earlier = seen.get(key);
  if (earlier === undefined) seen.set(key, row);
  return earlier;
}

// ----------------------------------------------------------------- organisations

export interface OrganisationValues {
  name: string;
  acronym: string;
  type: string;
  region: string;
  province: string;
  sectors: string[];
  themes: string[];
  languages: string[];
  website: string;
  email: string;
  foundedYear: number | null;
  description: string;
}

export interface ExistingOrganisation extends OrganisationValues {
  id: string;
}

/** Create a new organisation, or update one of the coalition's with the row's values. */
export type OrganisationWrite = { create: OrganisationValues } | { update: ExistingOrganisation };

const ORGANISATION_VALUE_FIELDS: readonly OrganisationField[] = ["name", "acronym", "type", "region", "province", "sectors", "themes", "languages", "website", "email", "foundedYear", "description"];
const LIST_FIELDS = { sectors: ["sectors", "sectorUnknown"], themes: ["themes", "themeUnknown"], languages: ["languages", "languageUnknown"] } as const;

const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b);

/** The row's values for the fields it fills (mapped and not blank), checked. */
function organisationValues(cells: Record<string, string>, lists: Lists, problems: Problem[], thisYear: number): Partial<OrganisationValues> {
  const values: Partial<OrganisationValues> = {};
  checkLength(cells, problems);
  for (const [field, value] of Object.entries(cells) as [OrganisationField, string][]) {
    if (!value) continue;
    switch (field) {
      case "type":
      case "region": {
        const found = fromList(field === "type" ? lists.organisationTypes : lists.regions, value);
        if (found === null) problems.push({ key: field === "type" ? "typeUnknown" : "regionUnknown", params: { value } });
        else values[field] = found;
        break;
      }
      case "sectors":
      case "themes":
      case "languages": {
        const [listName, problem] = LIST_FIELDS[field];
        const entries: string[] = [];
        for (const entry of splitList(value)) {
          const found = fromList(lists[listName], entry);
          if (found === null) problems.push({ key: problem, params: { value: entry } });
          else entries.push(found);
        }
        values[field] = entries;
        break;
      }
      case "website": {
        const website = normaliseWebsite(value);
        if (website === null) problems.push({ key: "websiteBad", params: { value } });
        else values.website = website;
        break;
      }
      case "email":
        values.email = checkEmail(value, problems);
        break;
      case "foundedYear": {
        const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
        if (!(year >= 1800 && year <= thisYear)) problems.push({ key: "yearBad", params: { value, max: thisYear } });
        else values.foundedYear = year;
        break;
      }
      default:
        values[field] = value;
    }
  }
  return values;
}

const EMPTY_ORGANISATION: OrganisationValues = { name: "", acronym: "", type: "", region: "", province: "", sectors: [], themes: [], languages: [], website: "", email: "", foundedYear: null, description: "" };

export function checkOrganisations(
  rows: readonly (readonly string[])[],
  mapping: Mapping,
  lists: Lists,
  existing: readonly ExistingOrganisation[],
  thisYear = new Date().getUTCFullYear(),
): CheckedRow<OrganisationWrite>[] {
  const byName = new Map<string, ExistingOrganisation[]>();
  const byEmail = new Map<string, ExistingOrganisation[]>();
  for (const org of existing) {
    byName.set(lower(org.name), [...(byName.get(lower(org.name)) ?? []), org]);
    if (org.email) byEmail.set(lower(org.email), [...(byEmail.get(lower(org.email)) ?? []), org]);
  }
  const namesSeen = new Map<string, number>();
  const emailsSeen = new Map<string, number>();
  const matched = new Map<string, number>();
  const checked: CheckedRow<OrganisationWrite>[] = [];
  for (const entry of rowsWithCells(ORGANISATION_VALUE_FIELDS, mapping, rows)) {
    if (!entry) continue;
    const { row, cells } = entry;
    const problems: Problem[] = [];
    const values = organisationValues(cells, lists, problems, thisYear);
    if (!values.name) problems.unshift({ key: "nameMissing" });
    const sameName = values.name ? firstSeen(namesSeen, lower(values.name), row) : undefined;
    if (sameName !== undefined) problems.push({ key: "duplicateName", params: { row: sameName } });
    const sameEmail = values.email ? firstSeen(emailsSeen, values.email, row) : undefined;
    if (sameEmail !== undefined) problems.push({ key: "duplicateEmail", params: { row: sameEmail } });

    const nameMatches = values.name ? (byName.get(lower(values.name)) ?? []) : [];
    const emailMatches = values.email ? (byEmail.get(values.email) ?? []) : [];
    if (nameMatches.length > 1 || (!nameMatches.length && emailMatches.length > 1)) {
      problems.push({ key: "ambiguous", params: { names: [...nameMatches, ...emailMatches].map((o) => o.name).join(", ") } });
    } else if (nameMatches.length === 1 && emailMatches.length && !emailMatches.includes(nameMatches[0]!)) {
      problems.push({ key: "conflict", params: { byName: nameMatches[0]!.name, byEmail: emailMatches[0]!.name } });
    }
    const match = problems.length ? undefined : (nameMatches[0] ?? emailMatches[0]);
    // Two rows that reach one organisation (one by name, the other by email) would overwrite each other.
    const sameMatch = match ? firstSeen(matched, match.id, row) : undefined;
    if (sameMatch !== undefined) problems.push({ key: "duplicateMatch", params: { row: sameMatch } });
    if (problems.length) {
      checked.push({ row, state: "error", cells, problems });
      continue;
    }
    if (!match) {
      checked.push({ row, state: "new", cells, problems, write: { create: { ...EMPTY_ORGANISATION, ...values } } });
      continue;
    }
    const changed = (Object.keys(values) as (keyof OrganisationValues)[]).some((field) => !sameValue(values[field], match[field]));
    checked.push(changed ? { row, state: "update", cells, problems, write: { update: { ...match, ...values } } } : { row, state: "unchanged", cells, problems });
  }
  return checked;
}

// ----------------------------------------------------------------- people

export type ImportedRole = "MEMBER" | "FOCAL_POINT";

export interface PeopleContext {
  organisations: readonly { id: string; name: string }[];
  /** The coalition's members by email (lowercase). */
  members: readonly { membershipId: string; email: string; organisationId: string | null; title: string }[];
  /** Emails (lowercase) with an invitation neither accepted, revoked nor expired. */
  pendingInvitations: ReadonlySet<string>;
}

export type PersonWrite =
  | { invite: { email: string; role: ImportedRole; organisationId: string | null } }
  | { update: { membershipId: string; organisationId: string | null; title: string } };

const PEOPLE_VALUE_FIELDS: readonly PeopleField[] = ["name", "email", "organisation", "role", "title"];

function parseRole(value: string): ImportedRole | null {
  const key = lower(value).replace(/[^\p{L}]/gu, "");
  if (key === "" || key === "member") return "MEMBER";
  if (key === "focalpoint") return "FOCAL_POINT";
  return null;
}

export function checkPeople(rows: readonly (readonly string[])[], mapping: Mapping, context: PeopleContext): CheckedRow<PersonWrite>[] {
  const organisations = new Map<string, string[]>();
  for (const o of context.organisations) organisations.set(lower(o.name), [...(organisations.get(lower(o.name)) ?? []), o.id]);
  const members = new Map(context.members.map((m) => [lower(m.email), m]));
  const emailsSeen = new Map<string, number>();
  const checked: CheckedRow<PersonWrite>[] = [];
  for (const entry of rowsWithCells(PEOPLE_VALUE_FIELDS, mapping, rows)) {
    if (!entry) continue;
    const { row, cells } = entry;
    const problems: Problem[] = [];
    checkLength(cells, problems);
    const email = cells.email ? checkEmail(cells.email, problems) : "";
    if (!cells.email) problems.unshift({ key: "emailMissing" });
    const sameEmail = email ? firstSeen(emailsSeen, email, row) : undefined;
    if (sameEmail !== undefined) problems.push({ key: "duplicateEmail", params: { row: sameEmail } });
    let organisationId: string | null = null;
    if (cells.organisation) {
      const ids = organisations.get(lower(cells.organisation)) ?? [];
      if (ids.length !== 1) problems.push({ key: ids.length ? "ambiguous" : "organisationUnknown", params: { value: cells.organisation, names: cells.organisation } });
      else organisationId = ids[0]!;
    }
    const role = parseRole(cells.role ?? "");
    if (!role) problems.push({ key: "roleBad", params: { value: cells.role ?? "" } });
    else if (role === "FOCAL_POINT" && !cells.organisation) problems.push({ key: "focalPointNeedsOrganisation" });
    if (problems.length || !role) {
      checked.push({ row, state: "error", cells, problems });
      continue;
    }
    const member = members.get(email);
    if (member) {
      const update = { membershipId: member.membershipId, organisationId: cells.organisation ? organisationId : member.organisationId, title: cells.title || member.title };
      const changed = update.organisationId !== member.organisationId || update.title !== member.title;
      checked.push(changed ? { row, state: "update", cells, problems, write: { update } } : { row, state: "unchanged", cells, problems, note: { key: "alreadyMember" } });
    } else if (context.pendingInvitations.has(email)) {
      checked.push({ row, state: "unchanged", cells, problems, note: { key: "alreadyInvited" } });
    } else {
      checked.push({ row, state: "new", cells, problems, write: { invite: { email, role, organisationId } } });
    }
  }
  return checked;
}
