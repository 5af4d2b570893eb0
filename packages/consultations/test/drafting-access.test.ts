import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as answer from "../routes/answering/answer.tsx";
import * as attachment from "../routes/drafting/attachment.ts";
import * as attachments from "../routes/drafting/attachments.tsx";
import * as audience from "../routes/drafting/audience.tsx";
import * as edit from "../routes/drafting/edit.tsx";
import * as index from "../routes/drafting/index.tsx";
import * as create from "../routes/drafting/new.tsx";
import * as open from "../routes/drafting/open.tsx";
import * as preview from "../routes/drafting/preview.tsx";
import * as questions from "../routes/drafting/questions.tsx";
import { coalitionOf, draftConsultation, openConsultationAs, personIn } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let other: OtherTenant;
let staff: HarnessPerson;
let focal: HarnessPerson;
let member: HarnessPerson;
let outsider: HarnessPerson;
let orgs: Awaited<ReturnType<typeof coalitionOf>>;
let storageDir: string;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(tmpdir(), "consultations-access-"));
  process.env.STORAGE_DIR = storageDir;
  h = await createPluginHarness(consultations);
  other = await h.otherTenant();
  staff = await h.person({ role: "SECRETARIAT_STAFF" });
  orgs = await coalitionOf(h, 3);
  focal = await personIn(h, orgs[0]!.id, "FOCAL_POINT");
  member = await personIn(h, orgs[0]!.id, "MEMBER");
  outsider = await personIn(h, orgs[2]!.id, "FOCAL_POINT");
});
afterAll(async () => {
  await h?.close();
  rmSync(storageDir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (args: any) => Promise<unknown>;
const call = (fn: Fn, person: HarnessPerson, sub: string, params: Record<string, string>, form?: Record<string, string>, coalition: Pick<PluginHarness, "path" | "tenant"> = h) =>
  h.call(fn, { request: person.request(coalition.path(sub), form ? { form } : {}), params: { tenant: coalition.tenant.slug, ...params } });

async function pdfAttachment(consultationId: string): Promise<string> {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("file", new File(["%PDF-1.4 background"], "brief.pdf", { type: "application/pdf" }));
  const result = await h.call(attachments.action, { request: staff.request(h.path(`${consultationId}/attachments`), { method: "POST", body: form }), params: { consultationId } });
  expect(result.status).toBe(201);
  return (await h.db((db) => db.consultationsAttachment.findFirstOrThrow({ where: { consultationId }, select: { id: true } }))).id;
}

describe("only the secretariat drafts", () => {
  it("members and focal points get 404 on every drafting page and action, and nothing changes", async () => {
    const { id, questionIds } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id] });
    const attachmentId = await pdfAttachment(id);
    const p = { consultationId: id };
    for (const person of [focal, member]) {
      const attempts = [
        call(create.loader, person, "new", {}),
        call(create.action, person, "new", {}, { intent: "save", title: "Mine", audienceKind: "ALL", mode: "ORGANISATION", visibility: "SECRETARIAT", reminderHours: "24" }),
        call(edit.loader, person, `${id}/edit`, p),
        call(edit.action, person, `${id}/edit`, p, { intent: "save", title: "Hijacked", audienceKind: "ALL", mode: "ORGANISATION", visibility: "SECRETARIAT", reminderHours: "24" }),
        call(questions.loader, person, `${id}/questions`, p),
        call(questions.action, person, `${id}/questions`, p, { intent: "delete", questionId: questionIds[0]! }),
        call(audience.loader, person, `${id}/audience`, p),
        call(audience.action, person, `${id}/audience`, p, { intent: "pick", shown: orgs[1]!.id, organisationId: orgs[1]!.id }),
        call(attachments.loader, person, `${id}/attachments`, p),
        call(attachments.action, person, `${id}/attachments`, p, { intent: "delete", attachmentId }),
        call(preview.loader, person, `${id}/preview`, p),
        call(open.loader, person, `${id}/open`, p),
        call(open.action, person, `${id}/open`, p, { intent: "open" }),
        // A draft's documents are the secretariat's alone, even for the organisations it will ask.
        call(attachment.loader, person, `${id}/attachments/${attachmentId}`, { ...p, attachmentId }),
      ];
      for (const result of await Promise.all(attempts)) expect(result.status).toBe(404);
    }
    const row = await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { title: true, status: true, audienceOrganisationIds: true } }));
    expect(row).toEqual({ title: "Position paper on the mining fiscal regime", status: "DRAFT", audienceOrganisationIds: [orgs[0]!.id] });
    expect(await h.db((db) => db.consultationsQuestion.count({ where: { consultationId: id } }))).toBe(7);
    expect(await h.db((db) => db.consultationsAttachment.count({ where: { consultationId: id } }))).toBe(1);
  });

  it("another coalition's secretariat cannot reach ours, by its URL or ours", async () => {
    const { id, questionIds } = await draftConsultation(h, staff.id);
    const theirStaff = await other.person({ role: "SECRETARIAT_ADMIN" });
    const p = { consultationId: id };
    for (const coalition of [other, h]) {
      const attempts = [
        call(edit.loader, theirStaff, `${id}/edit`, p, undefined, coalition),
        call(edit.action, theirStaff, `${id}/edit`, p, { intent: "save", title: "Hijacked", audienceKind: "ALL", mode: "ORGANISATION", visibility: "SECRETARIAT", reminderHours: "24" }, coalition),
        call(questions.action, theirStaff, `${id}/questions`, p, { intent: "move", direction: "down", questionId: questionIds[0]! }, coalition),
        call(preview.loader, theirStaff, `${id}/preview`, p, undefined, coalition),
        call(open.action, theirStaff, `${id}/open`, p, { intent: "open" }, coalition),
      ];
      for (const result of await Promise.all(attempts)) expect(result.status).toBe(404);
    }
    // Our staff with their coalition in the URL is no one there.
    expect((await call(edit.loader, staff, `${id}/edit`, p, undefined, other)).status).toBe(404);
    expect(await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { title: true, status: true } }))).toEqual({ title: "Position paper on the mining fiscal regime", status: "DRAFT" });
    // Their rows are not found from ours either.
    const theirs = await draftConsultation(other, theirStaff.id);
    expect((await call(edit.loader, staff, `${theirs.id}/edit`, { consultationId: theirs.id })).status).toBe(404);
  });

  it("a malformed id is a 404, not a 500", async () => {
    expect((await call(edit.loader, staff, "not-a-uuid/edit", { consultationId: "not-a-uuid" })).status).toBe(404);
    expect((await call(attachment.loader, staff, "x/attachments/y", { consultationId: "x", attachmentId: "y" })).status).toBe(404);
  });
});

describe("documents are downloaded by those who may see the consultation", () => {
  it("the secretariat always; recipients once it is open; nobody else", async () => {
    const { id } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id] });
    const attachmentId = await pdfAttachment(id);
    const download = (person: HarnessPerson, coalition: Pick<PluginHarness, "path" | "tenant"> = h) => call(attachment.loader, person, `${id}/attachments/${attachmentId}`, { consultationId: id, attachmentId }, undefined, coalition);

    const bySecretariat = await download(staff);
    expect(bySecretariat.status).toBe(200);
    expect(bySecretariat.headers.get("Content-Disposition")).toBe(`attachment; filename="brief.pdf"; filename*=UTF-8''brief.pdf`);
    expect(bySecretariat.headers.get("Content-Type")).toBe("application/pdf");
    expect(bySecretariat.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(bySecretariat.body).toBe("%PDF-1.4 background");

    expect((await download(member)).status).toBe(404);
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    expect((await download(member)).status).toBe(200);
    expect((await download(focal)).status).toBe(200);
    expect((await download(outsider)).status).toBe(404);
    expect((await download(other.member)).status).toBe(404);
    expect((await download(other.member, other)).status).toBe(404);
    // Another consultation's id with this document's id: not found.
    const second = await draftConsultation(h, staff.id);
    expect((await call(attachment.loader, staff, `${second.id}/attachments/${attachmentId}`, { consultationId: second.id, attachmentId })).status).toBe(404);
  });
});

const list = (person: HarnessPerson, query: string, coalition: Pick<PluginHarness, "path" | "tenant"> = h) =>
  h.call(index.loader, { request: person.request(coalition.path(query)), params: { tenant: coalition.tenant.slug } });

describe("the index", () => {
  it("the secretariat sees every consultation, newest first, by status, a page at a time", async () => {
    const page = await list(staff, "");
    expect(page.status).toBe(200);
    expect(page.data?.view).toBe("secretariat");
    const total = await h.db((db) => db.consultation.count());
    expect(page.data?.consultations).toHaveLength(Math.min(total, 25));
    const created = await h.db((db) => db.consultation.findMany({ orderBy: { createdAt: "desc" }, take: 1, select: { id: true } }));
    expect(page.data?.consultations[0]?.id).toBe(created[0]!.id);
    const open = await list(staff, "?status=OPEN");
    expect(open.data?.consultations.every((c) => c.status === "OPEN")).toBe(true);
    expect(open.data?.consultations.length).toBeGreaterThan(0);
    const odd = await list(staff, "?status=NOPE&page=-3");
    expect(odd.status).toBe(200);
    expect(odd.data?.page).toBe(1);
  });

  it("a member sees the consultations they are asked in: open ones by deadline, then closed; never drafts or others'", async () => {
    const soon = await draftConsultation(h, staff.id, { title: "Soon", audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id], deadline: new Date(Date.now() + 86_400_000) });
    const later = await draftConsultation(h, staff.id, { title: "Later", audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id], deadline: new Date(Date.now() + 9 * 86_400_000) });
    const notMine = await draftConsultation(h, staff.id, { title: "Not mine", audienceKind: "PICKED", audienceOrganisationIds: [orgs[2]!.id] });
    const closed = await draftConsultation(h, staff.id, { title: "Closed one", audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id] });
    await draftConsultation(h, staff.id, { title: "Still a draft", audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id] });
    for (const c of [later, soon, notMine, closed]) expect((await openConsultationAs(h, staff, c.id)).status).toBe(302);
    await h.db((db) => db.consultation.update({ where: { id: closed.id }, data: { status: "CLOSED", closedAt: new Date() } }));

    await h.db((db) => db.consultationsResponse.create({ data: { tenantId: h.tenant.id, consultationId: later.id, respondentKey: `org:${orgs[0]!.id}`, organisationId: orgs[0]!.id, status: "SUBMITTED", updatedById: focal.id } }));
    const page = await list(member, "");
    expect(page.data?.view).toBe("member");
    expect(page.data?.open.find((c) => c.title === "Later")?.response).toBe("SUBMITTED");
    expect(page.data?.open.find((c) => c.title === "Soon")?.response).toBeNull();
    const openTitles = page.data?.open.map((c) => c.title) ?? [];
    expect(openTitles.indexOf("Soon")).toBeLessThan(openTitles.indexOf("Later"));
    expect(openTitles).not.toContain("Not mine");
    expect(openTitles).not.toContain("Still a draft");
    expect(page.data?.closed.map((c) => c.title)).toEqual(["Closed one"]);
    expect(page.data?.consultations).toEqual([]);

    const theirs = await list(outsider, "");
    expect(theirs.data?.open.map((c) => c.title)).toEqual(["Not mine"]);
    expect((await list(other.member, "", other)).data?.open).toEqual([]);
  });

  it("a stakeholder (neither consultations:take-part nor :manage) gets 404 for the list, yet reaches a consultation they are asked in from its link", async () => {
    const stakeholder = await h.person({ role: "STAKEHOLDER", name: "Stella Stakeholder" });
    const asked = await draftConsultation(h, staff.id, { title: "Stakeholders asked", audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id], includeStakeholders: true });
    expect((await openConsultationAs(h, staff, asked.id)).status).toBe(302);
    expect((await list(stakeholder, "")).status).toBe(404);
    expect((await list(stakeholder, "?status=OPEN")).status).toBe(404);
    expect((await call(answer.loader, stakeholder, asked.id, { consultationId: asked.id })).status).toBe(200);
  });
});
