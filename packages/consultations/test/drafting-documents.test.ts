import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as attachments from "../routes/drafting/attachments.tsx";
import * as audience from "../routes/drafting/audience.tsx";
import * as edit from "../routes/drafting/edit.tsx";
import { coalitionOf, draftConsultation, makeOrganisations, openConsultationAs } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let staff: HarnessPerson;
let storageDir: string;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(tmpdir(), "consultations-documents-"));
  process.env.STORAGE_DIR = storageDir;
  h = await createPluginHarness(consultations);
  await h.configure({ settings: { attachmentMaxMegabytes: 1 } });
  staff = await h.person({ role: "SECRETARIAT_STAFF" });
});
afterAll(async () => {
  await h?.close();
  rmSync(storageDir, { recursive: true, force: true });
});

const filesStored = () => readdirSync(storageDir, { recursive: true }).filter((f) => !String(f).endsWith(".type") && String(f).split(path.sep).length === 3).length;

function upload(consultationId: string, file: File | null) {
  const form = new FormData();
  form.set("intent", "upload");
  if (file) form.set("file", file);
  return h.call(attachments.action, { request: staff.request(h.path(`${consultationId}/attachments`), { method: "POST", body: form }), params: { consultationId } });
}

const zipWith = (...names: string[]) => {
  // A ZIP's local headers carry each entry's name as it is; enough for the content check.
  const header = (name: string) => [..."PK\u0003\u0004", ...new Array(26).fill("\u0000"), ...name].join("");
  return new TextEncoder().encode(names.map(header).join("") + "x".repeat(40));
};

describe("documents", () => {
  it("attaches each accepted type when its content is what its name says", async () => {
    const { id } = await draftConsultation(h, staff.id);
    const files = [
      new File(["%PDF-1.7 ..."], "Position paper.pdf"),
      new File([zipWith("[Content_Types].xml", "word/document.xml")], "draft.docx"),
      new File([zipWith("[Content_Types].xml", "xl/workbook.xml")], "budget.xlsx"),
      new File([new TextEncoder().encode("PK\u0003\u0004" + "\u0000".repeat(26) + "mimetypeapplication/vnd.oasis.opendocument.text" + "x".repeat(40))], "notes.odt"),
      new File(["name,region\nKalikasan,Caraga\n"], "members.csv"),
      new File(["Plain notes, UTF-8: Mañana"], "notes.txt"),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], "map.png"),
      new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2])], "photo.JPG"),
    ];
    for (const file of files) {
      const result = await upload(id, file);
      expect(result.status, file.name).toBe(201);
    }
    const rows = await h.db((db) => db.consultationsAttachment.findMany({ where: { consultationId: id }, orderBy: { createdAt: "asc" }, select: { fileName: true, contentType: true, size: true } }));
    expect(rows.map((r) => r.contentType)).toEqual([
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.oasis.opendocument.text",
      "text/csv",
      "text/plain",
      "image/png",
      "image/jpeg",
    ]);
    expect(rows[0]).toMatchObject({ fileName: "Position paper.pdf", size: 12 });
  });

  it("refuses no file, an empty one, an unknown type, a disguised file and one over the coalition's limit; nothing stored", async () => {
    const { id } = await draftConsultation(h, staff.id);
    const before = filesStored();
    const cases: [File | null, number, string][] = [
      [null, 400, "Choose a file to attach."],
      [new File([""], "empty.pdf"), 400, "The file is empty."],
      [new File(["MZ..."], "setup.exe"), 400, "Attach a PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), text, CSV, PNG or JPEG file."],
      [new File(["<svg onload=alert(1)>"], "image.svg"), 400, "Attach a PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), text, CSV, PNG or JPEG file."],
      [new File(["<html><script>alert(1)</script></html>"], "brief.pdf"), 400, "The file's content is not a PDF file, whatever its name says."],
      [new File([zipWith("something/else.bin")], "draft.docx"), 400, "The file's content is not a DOCX file, whatever its name says."],
      [new File([new Uint8Array([0x50, 0x00, 0x41])], "data.csv"), 400, "The file's content is not a CSV file, whatever its name says."],
      [new File([new Uint8Array(1024 * 1024 + 1).fill(0x25)], "big.txt"), 413, "The file is larger than 1 MB."],
      // Far larger, sent without a length: reading stops early.
      [new File([new Uint8Array(3 * 1024 * 1024).fill(0x25)], "huge.pdf"), 413, "The file is larger than 1 MB."],
    ];
    for (const [file, status, message] of cases) {
      const result = await upload(id, file);
      expect(result.status, file?.name ?? "no file").toBe(status);
      expect(result.data).toMatchObject({ errors: { file: message } });
    }
    expect(await h.db((db) => db.consultationsAttachment.count({ where: { consultationId: id } }))).toBe(0);
    expect(filesStored()).toBe(before);
  });

  it("deletes a document and its file; names are cleaned of folders and control characters", async () => {
    const { id } = await draftConsultation(h, staff.id);
    expect((await upload(id, new File(["%PDF-1.4"], "..\\..\\secret\u0007 brief.pdf"))).status).toBe(201);
    const row = await h.db((db) => db.consultationsAttachment.findFirstOrThrow({ where: { consultationId: id }, select: { id: true, fileName: true, storageKey: true } }));
    expect(row.fileName).toBe("secret brief.pdf");
    expect(row.storageKey).toMatch(new RegExp(`^consultations/${h.tenant.id}/[0-9a-f-]{36}$`));
    const before = filesStored();
    const deleted = await h.call(attachments.action, { request: staff.request(h.path(`${id}/attachments`), { form: { intent: "delete", attachmentId: row.id } }), params: { consultationId: id } });
    expect(deleted.data).toMatchObject({ ok: true, notice: "“secret brief.pdf” deleted." });
    expect(await h.db((db) => db.consultationsAttachment.count({ where: { consultationId: id } }))).toBe(0);
    expect(filesStored()).toBe(before - 1);
  });
});

describe("hand-picked organisations", () => {
  it("searches active organisations a page at a time and keeps choices across pages", async () => {
    const orgs = await coalitionOf(h, 30, "Alliance");
    await makeOrganisations(h, [{ name: "Alliance Suspended", status: "SUSPENDED" }]);
    const { id } = await draftConsultation(h, staff.id);
    const load = (query: string) => h.call(audience.loader, { request: staff.request(h.path(`${id}/audience${query}`)), params: { consultationId: id } });
    const save = (form: Record<string, string | string[]>) => h.call(audience.action, { request: staff.request(h.path(`${id}/audience`), { form }), params: { consultationId: id } });

    const first = await load("?q=alliance");
    expect(first.data?.results).toHaveLength(25);
    expect(first.data?.pages).toBe(2);
    expect(first.data?.results.map((o) => o.name)).not.toContain("Alliance Suspended");
    const pageOne = first.data!.results.map((o) => o.id);
    const saved = await save({ intent: "pick", q: "alliance", page: "1", shown: pageOne, organisationId: [pageOne[0]!, pageOne[1]!] });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(h.path(`${id}/audience?q=alliance&page=1&saved=2`));

    const second = await load("?q=alliance&page=2");
    const pageTwo = second.data!.results.map((o) => o.id);
    expect(pageTwo).toHaveLength(5);
    await save({ intent: "pick", q: "alliance", page: "2", shown: pageTwo, organisationId: [pageTwo[0]!] });
    // Unticking on page 1 removes only that one; a forged id (another page's, not shown) changes nothing.
    await save({ intent: "pick", q: "alliance", page: "1", shown: pageOne, organisationId: [pageOne[1]!, pageTwo[4]!] });
    const row = await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { audienceKind: true, audienceOrganisationIds: true } }));
    expect(row.audienceKind).toBe("PICKED");
    expect([...row.audienceOrganisationIds].sort()).toEqual([pageOne[1]!, pageTwo[0]!].sort());

    await save({ intent: "remove", organisationId: pageTwo[0]! });
    const after = await load("");
    expect(after.data?.picked.map((o) => o.id)).toEqual([pageOne[1]]);
    expect(orgs).toHaveLength(30);

    // Once open, the choice is fixed.
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    const late = await save({ intent: "pick", q: "", page: "1", shown: pageOne, organisationId: pageOne });
    expect(late.status).toBe(409);
    expect((await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { audienceOrganisationIds: true } }))).audienceOrganisationIds).toEqual([pageOne[1]]);
  });
});

describe("editing after opening", () => {
  it("texts can be corrected and the deadline moved later; the audience, mode and visibility stay", async () => {
    const orgs = await coalitionOf(h, 2, "Edit");
    const deadline = new Date(Date.now() + 2 * 86_400_000);
    const { id } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id], deadline });
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    const form = (over: Record<string, string>) => ({
      intent: "save", title: "Corrected title", purpose: "p", background: "b", audienceKind: "ALL", mode: "PERSON", visibility: "ANONYMOUS", includeStakeholders: "on", reminderHours: "24", opensAt: "", ...over,
    });
    const post = (f: Record<string, string>) => h.call(edit.action, { request: staff.request(h.path(`${id}/edit`), { form: f }), params: { consultationId: id } });

    const earlier = await post(form({ deadline: new Date(deadline.getTime() - 86_400_000).toISOString().slice(0, 16) }));
    expect(earlier.status).toBe(400);
    expect((earlier.data as { errors: Record<string, string> }).errors.deadline).toMatch(/^The consultation is open: the deadline can be moved later, not earlier/);

    const later = new Date(deadline.getTime() + 86_400_000);
    const saved = await post(form({ deadline: later.toISOString().slice(0, 16) }));
    expect(saved.status).toBe(302);
    const row = await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { title: true, deadline: true, audienceKind: true, mode: true, visibility: true, includeStakeholders: true, reminderHours: true } }));
    expect(row).toMatchObject({ title: "Corrected title", audienceKind: "PICKED", mode: "ORGANISATION", visibility: "SECRETARIAT", includeStakeholders: false, reminderHours: [24] });
    expect(Math.abs(row.deadline!.getTime() - later.getTime())).toBeLessThan(60_000);
  });

  it("a scheduled consultation whose opening time is cleared goes back to being a draft", async () => {
    const orgs = await coalitionOf(h, 1, "Scheduled");
    const { id } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id], opensAt: new Date(Date.now() + 3_600_000) });
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    expect((await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { status: true } }))).status).toBe("SCHEDULED");
    const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16);
    const saved = await h.call(edit.action, { request: staff.request(h.path(`${id}/edit`), { form: { intent: "save", title: "Back to draft", opensAt: "", deadline, reminderHours: "24" } }), params: { consultationId: id } });
    expect(saved.status).toBe(302);
    expect(await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { status: true, opensAt: true } }))).toEqual({ status: "DRAFT", opensAt: null });
  });
});
