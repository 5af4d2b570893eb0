/**
 * What a spreadsheet import can fill in, per kind, and how a column is guessed from its
 * header. Shared by the server and the pages (no server code here).
 */
export const IMPORT_KINDS = ["organisations", "people"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const ORGANISATION_FIELDS = ["name", "acronym", "type", "region", "province", "sectors", "themes", "languages", "website", "email", "foundedYear", "description"] as const;
export const PEOPLE_FIELDS = ["name", "email", "organisation", "role", "title"] as const;

export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type PeopleField = (typeof PEOPLE_FIELDS)[number];
export type ImportField = OrganisationField | PeopleField;

/** Field → column index (0-based) in the file; a field left out is not imported. */
export type Mapping = Partial<Record<ImportField, number>>;

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === "organisations" ? ORGANISATION_FIELDS : PEOPLE_FIELDS;
}

export function requiredField(kind: ImportKind): ImportField {
  return kind === "organisations" ? "name" : "email";
}

/** Header spellings each field answers to, compared without case, spaces or punctuation. */
const ORGANISATION_HEADERS: Record<OrganisationField, readonly string[]> = {
  name: ["organisationname", "organizationname", "name", "orgname", "organisation", "organization", "nameoforganisation", "nameoforganization", "csoname"],
  acronym: ["acronym", "abbreviation", "shortname", "initials"],
  type: ["type", "organisationtype", "organizationtype", "typeoforganisation", "typeoforganization", "kind", "category"],
  region: ["region"],
  province: ["province", "provinces", "provinceorcity", "district", "state"],
  sectors: ["sectors", "sector"],
  themes: ["themes", "theme", "focusareas", "issues"],
  languages: ["languages", "language"],
  website: ["website", "web", "url", "site", "homepage", "websiteurl"],
  email: ["email", "emailaddress", "mail", "contactemail", "organisationemail", "organizationemail"],
  foundedYear: ["founded", "foundedyear", "yearfounded", "established", "yearestablished", "foundedin"],
  description: ["description", "about", "summary", "profile"],
};

const PEOPLE_HEADERS: Record<PeopleField, readonly string[]> = {
  name: ["name", "fullname", "personname", "contactname", "firstandlastname"],
  email: ["email", "emailaddress", "mail", "contactemail"],
  organisation: ["organisation", "organization", "organisationname", "organizationname", "org", "memberorganisation", "memberorganization"],
  role: ["role", "coalitionrole"],
  title: ["title", "position", "jobtitle", "designation"],
};

/** "E-mail address" → "emailaddress"; letters of any script are kept. */
export function normaliseHeader(header: string): string {
  return header.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** The mapping a person most likely wants, from the header row: each column feeds one field at most. */
export function guessMapping(kind: ImportKind, columns: readonly string[]): Mapping {
  const spellings: Record<string, readonly string[]> = kind === "organisations" ? ORGANISATION_HEADERS : PEOPLE_HEADERS;
  const normalised = columns.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: Mapping = {};
  for (const field of fieldsOf(kind)) {
    for (const spelling of spellings[field] ?? []) {
      const index = normalised.findIndex((h, i) => h === spelling && !taken.has(i));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** A stored mapping, read defensively (it is JSON in the database). */
export function readMapping(kind: ImportKind, value: unknown, columnCount: number): Mapping {
  const mapping: Mapping = {};
  if (!value || typeof value !== "object") return mapping;
  for (const field of fieldsOf(kind)) {
    const index = (value as Record<string, unknown>)[field];
    if (typeof index === "number" && Number.isInteger(index) && index >= 0 && index < columnCount) mapping[field] = index;
  }
  return mapping;
}

export function isImportKind(value: unknown): value is ImportKind {
  return (IMPORT_KINDS as readonly unknown[]).includes(value);
}
