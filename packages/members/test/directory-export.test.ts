import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import * as exporter from "../routes/directory/export.tsx";
import { safeCell } from "@commons/plugin-sdk/export";
import { get, makeOrganisation } from "./directory-helpers.ts";

useTestDatabase();

let h: PluginHarness;
let admin: HarnessPerson;
let member: HarnessPerson;
let stakeholder: HarnessPerson;
let other: OtherTenant;

async function download(person: HarnessPerson | null, query: string, coalition: { path(sub?: string): string; tenant: { slug: string } } = h) {
  const r = await get(h, person, exporter.loader, `export${query}`, {}, coalition as PluginHarness);
  return r;
}

async function csv(person: HarnessPerson | null, query: string) {
  const r = await download(person, query);
  expect(r.status).toBe(200);
  const bytes = new Uint8Array(await r.response!.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { r, bytes, text, rows: parse(text.replace(/^\uFEFF/, "")) as string[][] };
}

beforeAll(async () => {
  h = await createPluginHarness(members);
  admin = await h.person({ role: "SECRETARIAT_ADMIN", name: "Ada Admin" });
  member = await h.person({ role: "MEMBER", organisation: "Bukidnon Talaandig Council", name: "Datu Migketay" });
  stakeholder = await h.person({ role: "STAKEHOLDER" });
  await h.db((db) => db.organisation.updateMany({ where: { name: "Bukidnon Talaandig Council" }, data: { region: "Northern Mindanao", email: "council@talaandig.example.org", sectors: ["indigenous peoples' rights"] } }));
  await makeOrganisation(h, { name: "=HYPERLINK(\"http://evil.example\",\"click\")", region: "Caraga", description: "+cmd|' /C calc'!A0", email: "evil@example.org" });
  await makeOrganisation(h, { name: "Samahang Kababaihan ng Ñaga — 女性", region: "Bicol Region", description: "-2+3", offers: "@SUM(1,2)", sectors: ["women's rights", "health"] });
  await makeOrganisation(h, { name: "Applicant Org", status: "APPLIED" });
  other = await h.otherTenant();
  await makeOrganisation(other, { name: "Other Coalition Org", region: "Caraga" });
});

afterAll(() => h?.close());

describe("exporting the directory", () => {
  it("writes CSV with a UTF-8 byte-order mark, non-Latin names intact, as an attachment", async () => {
    const { r, bytes, rows } = await csv(member, "?format=csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".*-organisations-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(rows.map((row) => row[0])).toContain("Samahang Kababaihan ng Ñaga — 女性");
  });

  it("makes cells that start like formulas inert", async () => {
    const { rows } = await csv(admin, "?format=csv");
    const flat = rows.flat();
    expect(flat).toContain("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(flat).toContain("'+cmd|' /C calc'!A0");
    expect(flat).toContain("'-2+3");
    expect(flat).toContain("'@SUM(1,2)");
    expect(flat.some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect(safeCell("\tx")).toBe("'\tx");
    expect(safeCell("\rx")).toBe("'\rx");
    expect(safeCell("plain")).toBe("plain");
  });

  it("gives members the organisations without contact addresses, the secretariat with them", async () => {
    const mine = await csv(member, "?format=csv");
    expect(mine.rows[0]).not.toContain("Email");
    expect(mine.text).not.toMatch(/@talaandig\.example\.org|evil@example\.org/);
    const theirs = await csv(admin, "?format=csv");
    expect(theirs.rows[0]).toContain("Email");
    expect(theirs.text).toContain("council@talaandig.example.org");
  });

  it("exports what the current search and filters show, never applicants nor another coalition's organisations", async () => {
    const all = await csv(member, "?format=csv");
    expect(all.rows.slice(1).map((r) => r[0]).sort()).toEqual(["=HYPERLINK(\"http://evil.example\",\"click\")", "Bukidnon Talaandig Council", "Samahang Kababaihan ng Ñaga — 女性"].map((n) => (n.startsWith("=") ? `'${n}` : n)).sort());
    expect(all.text).not.toContain("Applicant Org");
    expect(all.text).not.toContain("Other Coalition Org");
    const filtered = await csv(member, "?format=csv&region=Bicol%20Region");
    expect(filtered.rows.slice(1).map((r) => r[0])).toEqual(["Samahang Kababaihan ng Ñaga — 女性"]);
    const searched = await csv(member, "?format=csv&q=talaandig");
    expect(searched.rows.slice(1).map((r) => r[0])).toEqual(["Bukidnon Talaandig Council"]);
    expect((await csv(member, "?format=csv&q=other%20coalition")).rows).toHaveLength(1);
  });

  it("writes an .xlsx workbook with the same rows", async () => {
    const r = await download(member, "?format=xlsx&sector=health");
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await r.response!.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Name");
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe("Samahang Kababaihan ng Ñaga — 女性");
  });

  it("exports people (names, emails, organisations, roles, positions) for the secretariat only", async () => {
    const { rows } = await csv(admin, "?format=csv&kind=people");
    expect(rows[0]).toEqual(["Name", "Email", "Organisation", "Role", "Position"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(["Ada Admin", "Datu Migketay"]));
    expect(rows.find((r) => r[0] === "Datu Migketay")).toEqual(["Datu Migketay", member.email, "Bukidnon Talaandig Council", "Member", ""]);
    expect(rows.flat()).not.toContain(other.member.email);
    const filtered = await csv(admin, "?format=csv&kind=people&region=Northern%20Mindanao");
    expect(filtered.rows.slice(1).map((r) => r[0])).toEqual(["Datu Migketay"]);
    expect((await download(member, "?format=csv&kind=people")).status).toBe(404);
    expect((await download(member, "?format=xlsx&kind=people")).status).toBe(404);
  });

  it("answers 404 to stakeholders, visitors and other coalitions while the directory is private", async () => {
    expect((await download(stakeholder, "?format=csv")).status).toBe(404);
    expect((await download(null, "?format=csv")).status).toBe(404);
    expect((await download(other.member, "?format=csv")).status).toBe(404);
  });

  it("gives a public directory's visitors the public fields only, and never people", async () => {
    await h.configure({ settings: { publicDirectory: true } });
    try {
      const { rows, text } = await csv(null, "?format=csv");
      expect(rows[0]).not.toContain("Email");
      expect(text).not.toMatch(/council@talaandig|evil@example\.org/);
      expect(rows).toHaveLength(4);
      expect((await download(null, "?format=csv&kind=people")).status).toBe(404);
      expect((await download(stakeholder, "?format=csv&kind=people")).status).toBe(404);
    } finally {
      await h.configure({ settings: { publicDirectory: false } });
    }
  });
});
