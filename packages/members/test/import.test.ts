import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import * as uploadPage from "../routes/import/import.tsx";
import { MAX_ROWS, MAX_UPLOAD_BYTES } from "../src/import/parse.server.ts";
import { csv, FIXTURE, importNow, mappingForm, post, preview, previewData, upload, uploaded, uploadRequest, xlsx } from "./import-helpers.ts";

useTestDatabase();

let h: PluginHarness;
let admin: HarnessPerson;
let staff: HarnessPerson;
let member: HarnessPerson;
let other: OtherTenant;

beforeAll(async () => {
  h = await createPluginHarness(members);
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  staff = await h.person({ role: "SECRETARIAT_STAFF" });
  member = await h.person({ role: "FOCAL_POINT", organisation: "Focal Org" });
  other = await h.otherTenant();
});

afterAll(() => h?.close());

const fixtureFile = { name: "members.csv", content: new Uint8Array(FIXTURE) };

describe("who may import", () => {
  it("shows the upload page to the secretariat", async () => {
    const page = await h.call(uploadPage.loader, { request: staff.request(h.path("import")) });
    expect(page.status).toBe(200);
  });

  it("answers 404 to a member without members:manage, a non-member and another coalition's member, and stores nothing", async () => {
    const outsider = await h.person({ role: null });
    for (const person of [member, outsider, other.member]) {
      expect((await h.call(uploadPage.loader, { request: person.request(h.path("import")) })).status).toBe(404);
      expect((await upload(h, person, fixtureFile)).status).toBe(404);
    }
    expect(await h.db((db) => db.membersImport.count())).toBe(0);
  });
});

describe("uploading", () => {
  it("reads the BOM, semicolon, quoted-newline, non-Latin CSV exactly, and guesses the columns", async () => {
    const id = await uploaded(h, admin, fixtureFile);
    const stored = await h.db((db) => db.membersImport.findFirstOrThrow({ where: { id } }));
    expect(stored.columns).toEqual(["Organisation name", "Acronym", "Type", "Region", "Province", "Sectors", "E-mail", "Website", "Founded", "Description"]);
    const rows = stored.rows as string[][];
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual(["Samahang Magsasaka ng Parañaque", "SMP", "NGO", "NCR", "Metro Manila", "Agriculture; Mining", "smp@example.ph", "smp.example.ph", "1998", 'Mga magsasaka ng Parañaque\nmula pa noong 1998; "bukas" sa lahat']);
    expect(rows[1]![0]).toBe("جمعية الأرض الخضراء");
    expect(rows[2]![0]).toBe("绿色矿业观察");
    expect(rows[2]![9]).toBe("第一行\n第二行");
    expect(rows[3]![0]).toBe("Общество горняков Минданао");
    expect(stored.mapping).toEqual({ name: 0, acronym: 1, type: 2, region: 3, province: 4, sectors: 5, email: 6, website: 7, foundedYear: 8, description: 9 });
    expect(stored).toMatchObject({ kind: "organisations", fileName: "members.csv", status: "PREVIEW", total: 8, createdById: admin.id });
  });

  it("reads an .xlsx workbook (made here with exceljs), numbers and dates as people see them", async () => {
    const bytes = await xlsx([
      ["Name", "Email address", "Founded", "Joined"],
      ["Kalikasan Alliance", "info@kalikasan.example", 2001, new Date(Date.UTC(2020, 4, 17))],
      ["Lumad Mindanaw", "", 1995, ""],
    ]);
    const id = await uploaded(h, admin, { name: "members.xlsx", content: bytes });
    const stored = await h.db((db) => db.membersImport.findFirstOrThrow({ where: { id } }));
    expect(stored.columns).toEqual(["Name", "Email address", "Founded", "Joined"]);
    expect(stored.rows).toEqual([
      ["Kalikasan Alliance", "info@kalikasan.example", "2001", "2020-05-17"],
      ["Lumad Mindanaw", "", "1995", ""],
    ]);
    expect(stored.mapping).toEqual({ name: 0, email: 1, foundedYear: 2 });
  });

  it("lists recent imports, newest first, paginated", async () => {
    const page = await h.call(uploadPage.loader, { request: admin.request(h.path("import")) });
    const data = page.data as { imports: { fileName: string; by: string | null }[]; pages: number };
    expect(data.imports.map((i) => i.fileName).slice(0, 2)).toEqual(["members.xlsx", "members.csv"]);
    expect(data.imports[0]!.by).toBe(admin.name);
    expect(data.pages).toBe(1);
  });

  const refused: [string, { name: string; content: string | Uint8Array } | null, RegExp, string?][] = [
    ["no file", null, /Choose a file/],
    ["an empty file", { name: "empty.csv", content: "" }, /empty/],
    ["a header without rows", { name: "header.csv", content: "Name;Email\r\n;\r\n\r\n" }, /header row but no rows/],
    ["a PDF renamed .csv", { name: "members.csv", content: "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" }, /not a spreadsheet/],
    ["a PNG renamed .csv", { name: "members.csv", content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) }, /not a spreadsheet/],
    ["an old .xls", { name: "members.xls", content: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, /old Excel file/],
    ["a ZIP that is no workbook", { name: "members.xlsx", content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) }, /could not be read/],
    ["unbalanced quotes", { name: "members.csv", content: 'Name,Email\n"Tribal Council,a@b.ph\nOther,c@d.ph\n' }, /never closed/],
    ["a file with the wrong kind", fixtureFileOf(), /organisations or people/, "members"],
  ];
  for (const [what, file, message, kind] of refused) {
    it(`refuses ${what} with a message next to the field, and stores nothing`, async () => {
      const before = await h.db((db) => db.membersImport.count());
      const r = await upload(h, admin, file, kind);
      expect(r.status).toBe(400);
      const data = r.data as { errors: Record<string, string>; values: Record<string, string> };
      expect(Object.values(data.errors).join(" ")).toMatch(message);
      expect(await h.db((db) => db.membersImport.count())).toBe(before);
    });
  }

  it(`refuses more than ${MAX_ROWS.toLocaleString("en")} rows`, async () => {
    const lines = ["Name"];
    for (let i = 0; i <= MAX_ROWS; i++) lines.push(`Organisation ${i}`);
    const r = await upload(h, admin, { name: "big.csv", content: csv(lines) });
    expect(r.status).toBe(400);
    expect((r.data as { errors: { file: string } }).errors.file).toMatch(/more than 20,000 rows/);
  });

  it("refuses a file over 10 MB with 413, by its declared length and while streaming when the length is not declared", async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1024).fill(0x41);
    const declared = await upload(h, admin, { name: "big.csv", content: big });
    expect(declared.status).toBe(413);
    expect((declared.data as { errors: { file: string } }).errors.file).toMatch(/larger than 10 MB/);

    // The same body as a stream of unknown length: cut off once it passes the limit.
    const request = uploadRequest(h, admin, { name: "big.csv", content: big });
    const body = request.body!;
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    const streamed = new Request(request.url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
    const r = await h.call(uploadPage.action, { request: streamed });
    expect(r.status).toBe(413);
    expect(await h.db((db) => db.membersImport.count({ where: { fileName: "big.csv" } }))).toBe(0);
  });
});

it("limits how many files one person may upload in an hour", async () => {
  const busy = await h.person({ role: "SECRETARIAT_STAFF" });
  for (let i = 0; i < 30; i++) expect((await upload(h, busy, { name: "empty.csv", content: "" })).status).toBe(400);
  const refused = await upload(h, busy, fixtureFile);
  expect(refused.status).toBe(429);
  expect((refused.data as { errors: { file: string } }).errors.file).toMatch(/Try again in \d+ minutes/);
  expect(await h.db((db) => db.membersImport.count({ where: { createdById: busy.id } }))).toBe(0);
});

function fixtureFileOf() {
  return { name: "members.csv", content: new Uint8Array(FIXTURE) };
}

describe("preview, mapping and import of organisations", () => {
  let importId: string;

  beforeAll(async () => {
    await h.configure({ settings: { regions: "NCR\nRegion XI\nRegion XII\nBARMM", sectors: "Agriculture\nMining\nWater\nEnvironment" } });
    importId = await uploaded(h, admin, fixtureFile);
  });

  it("shows each row's problems and a summary", async () => {
    const data = await previewData(h, admin, importId);
    const rows = data.preview!.rows;
    expect(data.preview!.summary).toEqual({ ready: 4, errors: 4, unchanged: 0, total: 8 });
    const byRow = new Map(rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ state: "new", problems: [] });
    expect(byRow.get(6)!.problems.map((p) => p.key)).toEqual(["nameMissing"]);
    expect(byRow.get(7)!.problems).toEqual([{ key: "emailBad", params: { value: "not-an-email" } }]);
    expect(byRow.get(8)!.problems.map((p) => p.key)).toEqual(["yearBad"]);
    expect(byRow.get(9)!.problems).toEqual([{ key: "duplicateName", params: { row: 2 } }]);
    const onlyProblems = await previewData(h, admin, importId, "?show=problems");
    expect(onlyProblems.preview!.rows.map((r) => r.row)).toEqual([6, 7, 8, 9]);
  });

  it("checks regions, types and sectors against the coalition's lists when it has them", async () => {
    const id = await uploaded(h, admin, { name: "lists.csv", content: csv(["Name,Region,Type,Sectors", "Atlantis Watch,Atlantis,NGO,Mining", "Kraken Co,NCR,Corporation,Mining; Fishing"]) });
    const rows = (await previewData(h, admin, id)).preview!.rows;
    expect(rows[0]!.problems).toEqual([{ key: "regionUnknown", params: { value: "Atlantis" } }]);
    expect(rows[1]!.problems).toEqual([
      { key: "typeUnknown", params: { value: "Corporation" } },
      { key: "sectorUnknown", params: { value: "Fishing" } },
    ]);
  });

  it("checks again when the mapping changes, and refuses a mapping without the name", async () => {
    const data = await previewData(h, admin, importId);
    const withoutYear = { ...data.preview!.mapping, foundedYear: undefined };
    const saved = await post(h, admin, importId, { intent: "map", ...mappingForm(withoutYear) });
    expect(saved.data).toMatchObject({ ok: true });
    const again = await previewData(h, admin, importId);
    expect(again.preview!.summary).toMatchObject({ ready: 5, errors: 3 });

    const noName = await post(h, admin, importId, { intent: "map", ...mappingForm({ ...withoutYear, name: undefined }) });
    expect(noName.status).toBe(400);
    expect(noName.data).toMatchObject({ errors: { map_name: "Choose the column that holds the organisation name." }, values: { map_name: "" } });
    const outside = await post(h, admin, importId, { intent: "map", ...mappingForm(withoutYear), map_acronym: "99" });
    expect(outside.data).toMatchObject({ errors: { map_acronym: "Choose one of the file's columns." } });
    // Put the year back for the import below.
    await post(h, admin, importId, { intent: "map", ...mappingForm(data.preview!.mapping) });
  });

  it("does not import when the submitted mapping differs from the one checked: it checks again first", async () => {
    const data = await previewData(h, admin, importId);
    const r = await post(h, admin, importId, { intent: "import", ...mappingForm({ ...data.preview!.mapping, acronym: undefined }) });
    expect(r.data).toMatchObject({ ok: true, notice: expect.stringMatching(/nothing was imported yet/) });
    expect(await h.db((db) => db.organisation.count({ where: { name: "绿色矿业观察" } }))).toBe(0);
    await post(h, admin, importId, { intent: "map", ...mappingForm(data.preview!.mapping) });
  });

  it("imports the valid rows, values exactly as in the file, and reports what it did", async () => {
    const r = await importNow(h, admin, importId);
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(h.path(`import/${importId}`));
    const orgs = await h.db((db) => db.organisation.findMany({ where: { acronym: { in: ["SMP", "JAK", "LMW", "OGM"] } }, orderBy: { acronym: "asc" } }));
    expect(orgs.map((o) => o.name)).toEqual(["جمعية الأرض الخضراء", "绿色矿业观察", "Общество горняков Минданао", "Samahang Magsasaka ng Parañaque"]);
    const smp = orgs.find((o) => o.acronym === "SMP")!;
    expect(smp).toMatchObject({
      type: "NGO", region: "NCR", province: "Metro Manila", sectors: ["Agriculture", "Mining"], email: "smp@example.ph", website: "https://smp.example.ph", foundedYear: 1998,
      description: 'Mga magsasaka ng Parañaque\nmula pa noong 1998; "bukas" sa lahat', status: "ACTIVE",
    });
    expect(orgs.find((o) => o.acronym === "OGM")!.sectors).toEqual(["Mining", "Water"]);
    expect(orgs.find((o) => o.acronym === "LMW")!.description).toBe("第一行\n第二行");
    expect(await h.db((db) => db.membersStatusChange.count({ where: { organisationId: smp.id, toStatus: "ACTIVE" } }))).toBe(1);

    const report = await preview(h, admin, importId);
    const done = (report.data as { done: { counts: unknown; skipped: { row: number; problems: { key: string }[] }[] } }).done;
    expect(done.counts).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 4 });
    expect(done.skipped.map((s) => [s.row, s.problems[0]!.key])).toEqual([[6, "nameMissing"], [7, "emailBad"], [8, "yearBad"], [9, "duplicateName"]]);
    const stored = await h.db((db) => db.membersImport.findFirstOrThrow({ where: { id: importId } }));
    expect(stored).toMatchObject({ status: "DONE", rows: [] });
    const activity = await h.db((db) => db.activity.findMany({ where: { action: "members.import.completed", subjectId: importId } }));
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ actorId: admin.id, data: { kind: "organisations", created: 4, updated: 0, unchanged: 0, skipped: 4 } });
  });

  it("refuses to run the same import twice", async () => {
    const r = await post(h, admin, importId, { intent: "import", map_name: "0" });
    expect(r.status).toBe(409);
    expect(await h.db((db) => db.organisation.count({ where: { acronym: "SMP" } }))).toBe(1);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await h.db((db) => db.organisation.findMany({ orderBy: { id: "asc" } }));
    const again = await uploaded(h, admin, fixtureFile);
    expect((await previewData(h, admin, again)).preview!.summary).toEqual({ ready: 0, errors: 4, unchanged: 4, total: 8 });
    // Nothing is ready: the import button is not offered, and a forced POST changes nothing.
    const r = await importNow(h, admin, again);
    expect(r.status).toBe(302);
    const report = (await preview(h, admin, again)).data as { done: { counts: unknown } };
    expect(report.done.counts).toEqual({ created: 0, updated: 0, unchanged: 4, skipped: 4 });
    expect(await h.db((db) => db.organisation.findMany({ orderBy: { id: "asc" } }))).toEqual(before);
  });

  it("updates an organisation matched by name without regard to case, or by email, and only the fields the file fills", async () => {
    const id = await uploaded(h, admin, {
      name: "update.csv",
      content: csv([
        "Organisation name,Email,Province,Website,Description",
        "SAMAHANG MAGSASAKA NG PARAÑAQUE,,Rizal,,",
        "Green Earth Society,green@example.org,,,",
        "Ligtas Minahan,smp@example.ph,,,",
      ]),
    });
    const rows = (await previewData(h, admin, id)).preview!.rows;
    expect(rows.map((r) => r.state)).toEqual(["update", "update", "error"]);
    expect(rows[2]!.problems).toEqual([{ key: "duplicateMatch", params: { row: 2 } }]);
    await importNow(h, admin, id);
    const smp = await h.db((db) => db.organisation.findFirstOrThrow({ where: { email: "smp@example.ph" } }));
    expect(smp).toMatchObject({ name: "SAMAHANG MAGSASAKA NG PARAÑAQUE", province: "Rizal", website: "https://smp.example.ph", foundedYear: 1998 });
    const green = await h.db((db) => db.organisation.findFirstOrThrow({ where: { email: "green@example.org" } }));
    expect(green).toMatchObject({ name: "Green Earth Society", acronym: "JAK", region: "Region XII" });
  });
});

describe("walls between coalitions", () => {
  it("answers 404 for another coalition's import, to its loader and its action", async () => {
    const theirAdmin = await other.person({ role: "SECRETARIAT_ADMIN" });
    const form = new FormData();
    form.set("kind", "organisations");
    form.set("file", new File([csv(["Name", "Their Org"])], "theirs.csv"));
    const theirs = await h.call(uploadPage.action, { request: theirAdmin.request(other.path("import"), { method: "POST", body: form }), params: { tenant: other.tenant.slug } });
    expect(theirs.status).toBe(302);
    const theirId = theirs.headers.get("Location")!.split("/").at(-1)!;
    expect((await preview(h, admin, theirId)).status).toBe(404);
    expect((await post(h, admin, theirId, { intent: "import", map_name: "0" })).status).toBe(404);
    expect((await preview(h, admin, "not-a-uuid")).status).toBe(404);
    expect(await other.db((db) => db.membersImport.findFirstOrThrow({ where: { id: theirId }, select: { status: true } }))).toEqual({ status: "PREVIEW" });
  });

  it("never matches or updates another coalition's organisation of the same name or email", async () => {
    await other.db((db) => db.organisation.create({ data: { tenantId: other.tenant.id, name: "Shared Name Network", type: "NGO", region: "Elsewhere", email: "shared@example.org" } }));
    const id = await uploaded(h, admin, { name: "shared.csv", content: csv(["Name,Email,Province", "Shared Name Network,shared@example.org,Bukidnon"]) });
    expect((await previewData(h, admin, id)).preview!.rows[0]!.state).toBe("new");
    await importNow(h, admin, id);
    const theirs = await other.db((db) => db.organisation.findFirstOrThrow({ where: { name: "Shared Name Network" } }));
    expect(theirs).toMatchObject({ province: "", region: "Elsewhere" });
    expect(await h.db((db) => db.organisation.count({ where: { name: "Shared Name Network", province: "Bukidnon" } }))).toBe(1);
  });
});
