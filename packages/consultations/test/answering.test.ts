import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as answer from "../routes/answering/answer.tsx";
import * as receipt from "../routes/answering/receipt.tsx";
import { respondentKey } from "../src/constants.ts";
import { fieldName } from "../src/questions/kinds.ts";
import { writeQuestions, writeRecipients } from "./helpers.ts";

useTestDatabase();

let h: PluginHarness;
let other: OtherTenant;
let secretariat: HarnessPerson;
let focal: HarnessPerson;
let colleague: HarnessPerson;
let noFocalMember: HarnessPerson;
let suspendedFocal: HarnessPerson;
let outsider: HarnessPerson;
let stakeholder: HarnessPerson;
let strangerStakeholder: HarnessPerson;

type Kind = "SHORT_TEXT" | "LONG_TEXT" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "SCALE" | "RANKING" | "YES_NO";
const PLAN: { kind: Kind; required: boolean; options?: string[] }[] = [
  { kind: "SHORT_TEXT", required: true },
  { kind: "LONG_TEXT", required: false },
  { kind: "SINGLE_CHOICE", required: true, options: ["Mining", "Oil", "Gas"] },
  { kind: "MULTIPLE_CHOICE", required: false, options: ["Luzon", "Visayas", "Mindanao"] },
  { kind: "SCALE", required: true },
  { kind: "RANKING", required: true, options: ["Disclosure", "Consent", "Revenue"] },
  { kind: "YES_NO", required: true },
];

interface Made {
  id: string;
  q: Record<Kind, string>;
}

const orgId = (name: string) => h.db((db) => db.organisation.findFirstOrThrow({ where: { name }, select: { id: true } })).then((o) => o.id);

async function makeConsultation(options: { mode?: "ORGANISATION" | "PERSON"; status?: "DRAFT" | "OPEN" | "CLOSED"; deadline?: Date; recipients: string[] }): Promise<Made> {
  return h.db(async (db) => {
    const c = await db.consultation.create({
      data: {
        tenantId: h.tenant.id, title: "Position on the mining fiscal regime", purpose: "To agree our position.", background: "Read **this** first. <script>alert(1)</script>",
        status: options.status ?? "OPEN", mode: options.mode ?? "ORGANISATION", openedAt: new Date(), deadline: options.deadline ?? new Date(Date.now() + 7 * 86_400_000), createdById: secretariat.id,
      },
      select: { id: true },
    });
    const ids = await writeQuestions(db, h.tenant.id, c.id, PLAN.map((p) => ({ ...p, prompt: `About ${p.kind}` })));
    await writeRecipients(db, h.tenant.id, c.id, options.recipients);
    return { id: c.id, q: Object.fromEntries(PLAN.map((p, i) => [p.kind, ids[i]!])) as Record<Kind, string> };
  });
}

/** Every question answered well, in the form's own field names. */
function fullForm(c: Made, text = "We support disclosure."): Record<string, string | string[]> {
  return {
    [fieldName.answer(c.q.SHORT_TEXT)]: text,
    [fieldName.answer(c.q.LONG_TEXT)]: "A longer view.",
    [fieldName.answer(c.q.SINGLE_CHOICE)]: "Oil",
    [fieldName.answer(c.q.MULTIPLE_CHOICE)]: ["Luzon", "Mindanao"],
    [fieldName.answer(c.q.SCALE)]: "4",
    [fieldName.rank(c.q.RANKING, 0)]: "2",
    [fieldName.rank(c.q.RANKING, 1)]: "1",
    [fieldName.rank(c.q.RANKING, 2)]: "3",
    [fieldName.answer(c.q.YES_NO)]: "yes",
    [fieldName.comment(c.q.YES_NO)]: "With conditions.",
  };
}

function load(person: HarnessPerson, consultationId: string) {
  return h.call(answer.loader, { request: person.request(h.path(consultationId)), params: { consultationId } });
}

function save(person: HarnessPerson, consultationId: string, intent: "save" | "submit", version: number, fields: Record<string, string | string[]>) {
  return h.call(answer.action, { request: person.request(h.path(consultationId), { form: { intent, version: String(version), ...fields } }), params: { consultationId } });
}

const responseRow = (consultationId: string, key: string) =>
  h.db((db) => db.consultationsResponse.findFirst({ where: { consultationId, respondentKey: key }, select: { status: true, answers: true, version: true, updatedById: true, submittedById: true, submittedAt: true } }));

let bantay: string;
let kalikasan: string;
let suspended: string;
let main: Made;

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  other = await h.otherTenant();
  secretariat = await h.person({ role: "SECRETARIAT_STAFF", name: "Sec Staff" });
  focal = await h.person({ role: "FOCAL_POINT", name: "Fe Focal", organisation: "Bantay Mina" });
  colleague = await h.person({ role: "MEMBER", name: "Carlo Colleague", organisation: "Bantay Mina" });
  noFocalMember = await h.person({ role: "MEMBER", name: "Nina NoFocal", organisation: "Kalikasan" });
  suspendedFocal = await h.person({ role: "FOCAL_POINT", name: "Sol Suspended", organisation: "Suspended Org" });
  outsider = await h.person({ role: "FOCAL_POINT", name: "Otto Outsider", organisation: "Not Asked" });
  stakeholder = await h.person({ role: "STAKEHOLDER", name: "Stella Stakeholder" });
  strangerStakeholder = await h.person({ role: "STAKEHOLDER", name: "Stan Stranger" });
  bantay = await orgId("Bantay Mina");
  kalikasan = await orgId("Kalikasan");
  suspended = await orgId("Suspended Org");
  await h.db((db) => db.organisation.update({ where: { id: suspended }, data: { status: "SUSPENDED" }, select: { id: true } }));
  main = await makeConsultation({ recipients: [respondentKey.organisation(bantay), respondentKey.organisation(kalikasan), respondentKey.organisation(suspended), respondentKey.person(stakeholder.id)] });
});

afterAll(async () => {
  await h?.close();
});

describe("who may see a consultation", () => {
  it("shows the page to the organisation's people, with who answers, the deadline and the background rendered safely", async () => {
    const page = await load(focal, main.id);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ canList: true, consultation: { title: "Position on the mining fiscal regime", status: "OPEN" }, recipient: { organisation: "Bantay Mina", maySubmit: true, hasFocalPoint: true, active: true }, canAnswer: true, response: null });
    expect(page.data!.consultation.backgroundHtml).toContain("<strong>this</strong>");
    expect(page.data!.consultation.backgroundHtml).not.toContain("<script");
    expect(page.data!.consultation.deadline).toMatch(/UTC|GMT/);
    expect(page.data!.questions.map((q) => q.kind)).toEqual(PLAN.map((p) => p.kind));
    expect((await load(colleague, main.id)).data).toMatchObject({ recipient: { organisation: "Bantay Mina", maySubmit: false } });
  });

  it("lets a stakeholder in the audience reach the page from the emailed link, though they hold no consultations:take-part", async () => {
    expect((await load(stakeholder, main.id)).data).toMatchObject({ recipient: { organisation: null, maySubmit: true }, canAnswer: true, canList: false });
    expect((await load(strangerStakeholder, main.id)).status).toBe(404);
  });

  it("answers 404 to a member whose organisation was not asked, to another coalition, and for ids that are not there", async () => {
    expect((await load(outsider, main.id)).status).toBe(404);
    expect((await save(outsider, main.id, "save", 0, fullForm(main))).status).toBe(404);
    const theirs = await h.call(answer.loader, { request: other.member.request(`/c/${other.tenant.slug}/consultations/${main.id}`), params: { tenant: other.tenant.slug, consultationId: main.id } });
    expect(theirs.status).toBe(404);
    const ourUrl = await h.call(answer.loader, { request: other.member.request(h.path(main.id)), params: { consultationId: main.id } });
    expect(ourUrl.status).toBe(404);
    expect((await load(focal, "not-a-uuid")).status).toBe(404);
    expect((await load(focal, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("keeps drafts to the secretariat", async () => {
    const draft = await makeConsultation({ status: "DRAFT", recipients: [respondentKey.organisation(bantay)] });
    expect((await load(focal, draft.id)).status).toBe(404);
    expect((await load(secretariat, draft.id)).data).toMatchObject({ manager: true, recipient: null, canAnswer: false });
    expect((await save(secretariat, draft.id, "save", 0, {})).status).toBe(404);
  });
});

describe("saving, conflicts and submitting (one answer per organisation)", () => {
  it("saves an incomplete draft on the server and shows it again on reload", async () => {
    const saved = await save(colleague, main.id, "save", 0, { [fieldName.answer(main.q.SHORT_TEXT)]: "First thoughts", [fieldName.answer(main.q.SCALE)]: "3" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${h.path(main.id)}?saved=1#answers`);
    expect(await responseRow(main.id, respondentKey.organisation(bantay))).toMatchObject({ status: "DRAFT", version: 1, updatedById: colleague.id, answers: { [main.q.SHORT_TEXT]: "First thoughts", [main.q.SCALE]: 3 } });
    const reloaded = await load(focal, main.id);
    expect(reloaded.data!.response).toMatchObject({ status: "DRAFT", version: 1, updatedBy: "Carlo Colleague", values: { [fieldName.answer(main.q.SHORT_TEXT)]: ["First thoughts"], [fieldName.answer(main.q.SCALE)]: ["3"] } });
  });

  it("refuses a malformed draft, naming each question's problem, keeping what was typed and writing nothing", async () => {
    const typed = { [fieldName.answer(main.q.SHORT_TEXT)]: "Typed but not saved", [fieldName.answer(main.q.SCALE)]: "9", [fieldName.answer(main.q.SINGLE_CHOICE)]: "Coal" };
    const refused = await save(colleague, main.id, "save", 1, typed);
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      kind: "invalid",
      errors: { [main.q.SCALE]: "Choose a number from 1 to 5.", [main.q.SINGLE_CHOICE]: "Choose one of the options offered." },
      values: { [fieldName.answer(main.q.SHORT_TEXT)]: ["Typed but not saved"] },
    });
    expect(await responseRow(main.id, respondentKey.organisation(bantay))).toMatchObject({ version: 1, answers: { [main.q.SHORT_TEXT]: "First thoughts" } });
  });

  it("detects a colleague's save in between: nothing is overwritten, both texts are shown, and saving again goes on top", async () => {
    // Both opened the page at version 1; the colleague saves first.
    expect((await save(colleague, main.id, "save", 1, { [fieldName.answer(main.q.SHORT_TEXT)]: "Colleague's text" })).status).toBe(302);
    const conflict = await save(focal, main.id, "save", 1, { [fieldName.answer(main.q.SHORT_TEXT)]: "Focal point's text" });
    expect(conflict.status).toBe(409);
    expect(conflict.data).toMatchObject({ kind: "conflict", by: "Carlo Colleague", version: 2, theirs: { [main.q.SHORT_TEXT]: "Colleague's text" }, values: { [fieldName.answer(main.q.SHORT_TEXT)]: ["Focal point's text"] } });
    expect((conflict.data as { message: string }).message).toContain("Carlo Colleague saved this organisation's answers");
    expect(await responseRow(main.id, respondentKey.organisation(bantay))).toMatchObject({ version: 2, updatedById: colleague.id, answers: { [main.q.SHORT_TEXT]: "Colleague's text" } });
    // The conflict form carries the version it showed: saving again keeps the focal point's text.
    const again = await save(focal, main.id, "save", 2, { [fieldName.answer(main.q.SHORT_TEXT)]: "Focal point's text" });
    expect(again.status).toBe(302);
    expect(await responseRow(main.id, respondentKey.organisation(bantay))).toMatchObject({ version: 3, updatedById: focal.id, answers: { [main.q.SHORT_TEXT]: "Focal point's text" } });
  });

  it("lets exactly one of two simultaneous saves of the same version through", async () => {
    const [a, b] = await Promise.all([
      save(colleague, main.id, "save", 3, { [fieldName.answer(main.q.SHORT_TEXT)]: "Race A" }),
      save(focal, main.id, "save", 3, { [fieldName.answer(main.q.SHORT_TEXT)]: "Race B" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    const row = await responseRow(main.id, respondentKey.organisation(bantay));
    expect(row!.version).toBe(4);
    expect(row!.answers).toEqual({ [main.q.SHORT_TEXT]: a.status === 302 ? "Race A" : "Race B" });
  });

  it("treats a double click (the same person's same answers twice) as one save, not a conflict with oneself", async () => {
    const c = await makeConsultation({ recipients: [respondentKey.person(stakeholder.id)] });
    const form = fullForm(c, "Clicked twice");
    const [a, b] = await Promise.all([save(stakeholder, c.id, "submit", 0, form), save(stakeholder, c.id, "submit", 0, form)]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await responseRow(c.id, respondentKey.person(stakeholder.id))).toMatchObject({ status: "SUBMITTED", version: 1 });
  });

  it("leaves submitting to the focal point: a colleague's submit is refused and changes nothing", async () => {
    const refused = await save(colleague, main.id, "submit", 4, fullForm(main));
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ kind: "refused", values: { [fieldName.answer(main.q.SHORT_TEXT)]: ["We support disclosure."] } });
    expect(await responseRow(main.id, respondentKey.organisation(bantay))).toMatchObject({ status: "DRAFT", version: 4 });
  });

  it("checks required questions on submit, then submits, shows a receipt, and lets the focal point edit and resubmit", async () => {
    const incomplete = await save(focal, main.id, "submit", 4, { [fieldName.answer(main.q.SHORT_TEXT)]: "Only this" });
    expect(incomplete.status).toBe(400);
    const errors = (incomplete.data as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual([main.q.SINGLE_CHOICE, main.q.SCALE, main.q.RANKING, main.q.YES_NO].sort());
    expect(errors[main.q.YES_NO]).toMatch(/^Question \d+, \u201C.+\u201D: answer it, it is required\.$/);

    const submitted = await save(focal, main.id, "submit", 4, fullForm(main));
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("Location")).toBe(`${h.path(main.id)}/receipt?submitted=1`);
    const row = await responseRow(main.id, respondentKey.organisation(bantay));
    expect(row).toMatchObject({
      status: "SUBMITTED", version: 5, submittedById: focal.id,
      answers: { [main.q.SINGLE_CHOICE]: "Oil", [main.q.MULTIPLE_CHOICE]: ["Luzon", "Mindanao"], [main.q.SCALE]: 4, [main.q.RANKING]: ["Consent", "Disclosure", "Revenue"], [main.q.YES_NO]: { answer: "yes", comment: "With conditions." } },
    });

    const shown = await h.call(receipt.loader, { request: colleague.request(h.path(`${main.id}/receipt`)), params: { consultationId: main.id } });
    expect(shown.status).toBe(200);
    expect(shown.data).toMatchObject({ who: "Bantay Mina", submittedBy: "Fe Focal", mayChange: false });
    expect(shown.data!.answers.find((a) => a.id === main.q.RANKING)!.text).toBe("1. Consent\n2. Disclosure\n3. Revenue");
    expect(shown.data!.answers.find((a) => a.id === main.q.YES_NO)!.text).toBe("Yes\nWith conditions.");

    // A draft cannot replace the submission; a new submission can.
    const draftOver = await save(colleague, main.id, "save", 5, { [fieldName.answer(main.q.SHORT_TEXT)]: "Sneaky draft" });
    expect(draftOver.status).toBe(409);
    expect(draftOver.data).toMatchObject({ kind: "refused" });
    const resubmitted = await save(focal, main.id, "submit", 5, fullForm(main, "We support disclosure, and more."));
    expect(resubmitted.status).toBe(302);
    expect(await responseRow(main.id, respondentKey.organisation(bantay))).toMatchObject({ status: "SUBMITTED", version: 6, answers: { [main.q.SHORT_TEXT]: "We support disclosure, and more." } });
  });

  it("lets any of an organisation's people submit when it has no focal point", async () => {
    expect((await load(noFocalMember, main.id)).data).toMatchObject({ recipient: { organisation: "Kalikasan", maySubmit: true, hasFocalPoint: false } });
    expect((await save(noFocalMember, main.id, "submit", 0, fullForm(main))).status).toBe(302);
    expect(await responseRow(main.id, respondentKey.organisation(kalikasan))).toMatchObject({ status: "SUBMITTED", submittedById: noFocalMember.id });
  });

  it("does not let a suspended organisation answer", async () => {
    expect((await load(suspendedFocal, main.id)).data).toMatchObject({ recipient: { organisation: "Suspended Org", active: false }, canAnswer: false });
    expect((await save(suspendedFocal, main.id, "save", 0, fullForm(main))).status).toBe(403);
    expect(await responseRow(main.id, respondentKey.organisation(suspended))).toBeNull();
  });

  it("takes a stakeholder's answer under their own name", async () => {
    expect((await save(stakeholder, main.id, "submit", 0, fullForm(main, "A stakeholder's view"))).status).toBe(302);
    expect(await responseRow(main.id, respondentKey.person(stakeholder.id))).toMatchObject({ status: "SUBMITTED", answers: { [main.q.SHORT_TEXT]: "A stakeholder's view" } });
  });
});

describe("after the deadline", () => {
  it("refuses saving and submitting with a clear message and gives the typed text back to copy", async () => {
    const late = await makeConsultation({ deadline: new Date(Date.now() + 60_000), recipients: [respondentKey.organisation(bantay)] });
    expect((await save(focal, late.id, "save", 0, { [fieldName.answer(late.q.SHORT_TEXT)]: "Saved in time" })).status).toBe(302);
    await h.db((db) => db.consultation.update({ where: { id: late.id }, data: { deadline: new Date(Date.now() - 60_000) }, select: { id: true } }));

    const page = await load(focal, late.id);
    expect(page.data).toMatchObject({ canAnswer: false, consultation: { deadlinePassed: true } });
    for (const intent of ["save", "submit"] as const) {
      const refused = await save(focal, late.id, intent, 1, fullForm(late, "Written too late"));
      expect(refused.status).toBe(409);
      expect(refused.data).toMatchObject({ kind: "closed", values: { [fieldName.answer(late.q.SHORT_TEXT)]: ["Written too late"] } });
      const copy = (refused.data as { copyText: string }).copyText;
      expect(copy).toContain("1. About SHORT_TEXT\nWritten too late");
      expect(copy).toContain("1. Consent\n2. Disclosure\n3. Revenue");
      expect((refused.data as { message: string }).message).toContain("no longer takes answers");
    }
    expect(await responseRow(late.id, respondentKey.organisation(bantay))).toMatchObject({ status: "DRAFT", version: 1, answers: { [late.q.SHORT_TEXT]: "Saved in time" } });
  });

  it("refuses answers once closed by hand, and links to the results", async () => {
    const closed = await makeConsultation({ status: "CLOSED", recipients: [respondentKey.organisation(bantay)] });
    expect((await load(focal, closed.id)).data).toMatchObject({ consultation: { status: "CLOSED" }, canAnswer: false });
    expect((await save(focal, closed.id, "submit", 0, fullForm(closed))).status).toBe(409);
  });
});

describe("one answer per person", () => {
  it("gives each person their own response, which each may submit", async () => {
    const personal = await makeConsultation({ mode: "PERSON", recipients: [respondentKey.person(focal.id), respondentKey.person(colleague.id)] });
    expect((await load(colleague, personal.id)).data).toMatchObject({ recipient: { organisation: null, maySubmit: true } });
    expect((await save(colleague, personal.id, "submit", 0, fullForm(personal, "Mine"))).status).toBe(302);
    expect((await save(focal, personal.id, "save", 0, { [fieldName.answer(personal.q.SHORT_TEXT)]: "Also mine" })).status).toBe(302);
    expect(await responseRow(personal.id, respondentKey.person(colleague.id))).toMatchObject({ status: "SUBMITTED", answers: { [personal.q.SHORT_TEXT]: "Mine" } });
    expect(await responseRow(personal.id, respondentKey.person(focal.id))).toMatchObject({ status: "DRAFT", answers: { [personal.q.SHORT_TEXT]: "Also mine" } });
    // A member not among the people asked does not see it.
    expect((await load(noFocalMember, personal.id)).status).toBe(404);
  });
});

describe("the deadline's time zone", () => {
  it("shows the deadline in the coalition's zone, named", async () => {
    const c = await makeConsultation({ deadline: new Date("2030-03-15T09:00:00Z"), recipients: [respondentKey.organisation(bantay)] });
    await h.configure({ settings: { timezone: "Asia/Manila" } });
    try {
      expect((await load(focal, c.id)).data!.consultation.deadline).toBe("Mar 15, 2030, 17:00 GMT+8 (Asia/Manila)");
    } finally {
      await h.configure({ settings: {} });
    }
    expect((await load(focal, c.id)).data!.consultation.deadline).toBe("Mar 15, 2030, 09:00 GMT+0");
  });
});
