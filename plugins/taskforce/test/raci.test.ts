import { describe, expect, it } from "vitest";
import { organisationRows, rolesOf, validateRaci } from "../src/raci.ts";

const a = "00000000-0000-4000-8000-00000000000a";
const b = "00000000-0000-4000-8000-00000000000b";
const org = "00000000-0000-4000-8000-0000000000f1";
const org2 = "00000000-0000-4000-8000-0000000000f2";
const known = { members: new Set([a, b]), organisations: new Set([org, org2]) };

function form(entries: Record<string, string> | [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of Array.isArray(entries) ? entries : Object.entries(entries)) f.append(k, v);
  return f;
}

describe("validateRaci", () => {
  it("needs exactly one Accountable, person or organisation", () => {
    expect(validateRaci(form({ [`role:${a}`]: "R" }), known)).toEqual({ ok: false, errors: { raci: "Choose one person or organisation as Accountable" } });
    expect(validateRaci(form({ [`role:${a}`]: "A", [`role:${b}`]: "A" }), known)).toEqual({ ok: false, errors: { raci: "Choose only one person as Accountable, not 2" } });
    expect(validateRaci(form({ [`role:${a}`]: "A", "organisation:0": org, "organisationRole:0": "A" }), known)).toEqual({
      ok: false,
      errors: { raci: "Choose only one person or organisation as Accountable, not 2" },
    });
    expect(validateRaci(form({ [`role:${a}`]: "A", [`role:${b}`]: "" }), known)).toEqual({ ok: true, assignments: [{ userId: a, organisationId: null, role: "A" }] });
  });

  it("takes an organisation as Accountable, and skips empty rows and rows without a role", () => {
    const sent = form({ [`role:${a}`]: "R", "organisation:0": org, "organisationRole:0": "A", "organisation:1": "", "organisationRole:1": "", "organisation:2": org2, "organisationRole:2": "" });
    expect(validateRaci(sent, known)).toEqual({
      ok: true,
      assignments: [
        { userId: a, organisationId: null, role: "R" },
        { userId: null, organisationId: org, role: "A" },
      ],
    });
  });

  it("refuses people outside the taskforce, unknown organisations and unknown roles, next to their fields", () => {
    expect(validateRaci(form({ [`role:${a}`]: "A", "role:someone-else": "C" }), known)).toEqual({
      ok: false,
      errors: { raci: "Only members of the taskforce can hold a role as a person; reload the page to see who they are now" },
    });
    expect(validateRaci(form({ [`role:${a}`]: "A", "organisation:3": "00000000-0000-4000-8000-0000000000ff", "organisationRole:3": "I" }), known)).toEqual({
      ok: false,
      errors: { "organisation:3": "Choose an organisation of this coalition" },
    });
    expect(validateRaci(form({ [`role:${a}`]: "A", [`role:${b}`]: "X", "organisation:0": org, "organisationRole:0": "Z" }), known)).toEqual({
      ok: false,
      errors: { [`role:${b}`]: "Choose Responsible, Accountable, Consulted, Informed or no role", "organisationRole:0": "Choose Responsible, Accountable, Consulted, Informed or no role" },
    });
    expect(validateRaci(form({ [`role:${a}`]: "A", "organisation:0": "", "organisationRole:0": "C" }), known)).toEqual({
      ok: false,
      errors: { "organisation:0": "Choose the organisation that holds this role" },
    });
  });

  it("refuses a person or an organisation chosen twice", () => {
    expect(validateRaci(form([[`role:${a}`, "A"], [`role:${a}`, "R"]]), known)).toEqual({ ok: false, errors: { [`role:${a}`]: "Give this person one role only" } });
    const twice = form({ [`role:${a}`]: "A", "organisation:0": org, "organisationRole:0": "C", "organisation:1": org, "organisationRole:1": "I" });
    expect(validateRaci(twice, known)).toEqual({ ok: false, errors: { "organisation:1": "This organisation is already chosen in another row" } });
  });
});

describe("organisationRows", () => {
  it("reads the rows in order, up to the limit, keeping the first value of a field sent twice", () => {
    const rows = organisationRows([
      ["organisationRole:2", "I"],
      ["organisation:0", org],
      ["organisation:0", org2],
      ["organisation:2", org2],
      ["organisation:50", org],
      ["role:x", "A"],
    ]);
    expect(rows).toEqual([
      { row: 0, organisationId: org, role: "" },
      { row: 2, organisationId: org2, role: "I" },
    ]);
  });
});

describe("rolesOf", () => {
  it("gives a person their own roles and their organisation's", () => {
    const raci = [
      { userId: a, organisationId: null, role: "R" as const },
      { userId: null, organisationId: org, role: "C" as const },
      { userId: null, organisationId: org2, role: "I" as const },
    ];
    expect(rolesOf(raci, { id: a, organisationId: org })).toEqual(["R", "C"]);
    expect(rolesOf(raci, { id: b, organisationId: null })).toEqual([]);
    expect(rolesOf(raci, { id: b, organisationId: org2 })).toEqual(["I"]);
  });
});
