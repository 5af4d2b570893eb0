import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import AnswerPage, * as answer from "../routes/answering/answer.tsx";
import Receipt, * as receipt from "../routes/answering/receipt.tsx";
import { respondentKey } from "../src/constants.ts";
import { fieldName } from "../src/questions/kinds.ts";
import { renderPage } from "./helpers.ts";

useTestDatabase();

let h: PluginHarness;
let focal: HarnessPerson;
let colleague: HarnessPerson;
let consultationId: string;
const q = {} as Record<"SHORT_TEXT" | "SCALE" | "RANKING" | "YES_NO" | "MULTIPLE_CHOICE", string>;

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  const staff = await h.person({ role: "SECRETARIAT_STAFF" });
  focal = await h.person({ role: "FOCAL_POINT", name: "Fe Focal", organisation: "Bantay Mina" });
  colleague = await h.person({ role: "MEMBER", name: "Carlo Colleague", organisation: "Bantay Mina" });
  await h.db(async (db) => {
    const org = await db.organisation.findFirstOrThrow({ where: { name: "Bantay Mina" }, select: { id: true } });
    const c = await db.consultation.create({
      data: { tenantId: h.tenant.id, title: "Mining fiscal regime", purpose: "Agree a position.", background: "# Context\n\nSee [the law](https://example.org).", status: "OPEN", deadline: new Date(Date.now() + 86_400_000), createdById: staff.id },
      select: { id: true },
    });
    consultationId = c.id;
    const kinds = [
      { kind: "SHORT_TEXT", required: true, help: "One line is enough." },
      { kind: "SCALE", scaleMinLabel: "Not at all", scaleMaxLabel: "Fully" },
      { kind: "RANKING", options: ["Disclosure", "Consent"] as string[] },
      { kind: "YES_NO" },
      { kind: "MULTIPLE_CHOICE", options: ["Luzon", "Visayas"] as string[] },
    ] as const;
    for (const [position, k] of kinds.entries()) {
      const row = await db.consultationsQuestion.create({ data: { tenantId: h.tenant.id, consultationId: c.id, position, prompt: `About ${k.kind}`, ...k }, select: { id: true } });
      q[k.kind] = row.id;
    }
    await db.consultationsRecipient.create({ data: { tenantId: h.tenant.id, consultationId: c.id, respondentKey: respondentKey.organisation(org.id), organisationId: org.id }, select: { id: true } });
  });
});

afterAll(async () => {
  await h?.close();
});

const load = (person: HarnessPerson) => h.call(answer.loader, { request: person.request(h.path(consultationId)), params: { consultationId } });

describe("the answering page's markup", () => {
  it("renders each question accessibly in one form with both buttons, and the background's headings under the page's", async () => {
    const html = renderPage(AnswerPage, (await load(focal)).data);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain("<h3>Context</h3>");
    expect(html).toContain('rel="nofollow ugc noopener"');
    // One fieldset and legend per question; help tied to it.
    expect(html).toContain(`<fieldset id="field-${q.SHORT_TEXT}"`);
    expect(html).toMatch(new RegExp(`aria-describedby="field-${q.SHORT_TEXT}-help"`));
    expect(html).toContain(`aria-labelledby="field-${q.SHORT_TEXT}-legend"`);
    // The scale's ends carry their labels; the ranking is one labelled select per option.
    expect(html).toContain("1 – Not at all");
    expect(html).toContain("5 – Fully");
    expect(html).toContain(`<label for="field-${q.RANKING}-0">Rank of Disclosure</label>`);
    expect(html).toContain(`name="${fieldName.rank(q.RANKING, 1)}"`);
    expect(html).toContain(`name="${fieldName.comment(q.YES_NO)}"`);
    expect(html).toContain('name="intent" value="save"');
    expect(html).toContain('name="intent" value="submit"');
    expect(html).toContain('method="post"');
  });

  it("a colleague gets only 'Save draft'", async () => {
    const html = renderPage(AnswerPage, (await load(colleague)).data);
    expect(html).toContain('value="save"');
    expect(html).not.toContain('value="submit"');
  });

  it("shows errors next to their questions and keeps what was typed", async () => {
    const form = { intent: "submit", version: "0", [fieldName.answer(q.SHORT_TEXT)]: "Kept <typed> text", [fieldName.answer(q.SCALE)]: "4", [fieldName.rank(q.RANKING, 0)]: "1", [fieldName.rank(q.RANKING, 1)]: "1" };
    const failed = await h.call(answer.action, { request: focal.request(h.path(consultationId), { form }), params: { consultationId } });
    expect(failed.status).toBe(400);
    const html = renderPage(AnswerPage, (await load(focal)).data, failed.data);
    expect(html).toContain(`<a href="#field-${q.RANKING}">Give each option a different rank: 1 is used more than once.</a>`);
    expect(html).toContain(`id="field-${q.RANKING}-error"`);
    expect(html).toContain("Kept &lt;typed&gt; text");
    expect(html).toMatch(new RegExp(`id="field-${q.SCALE}-4"[^>]*checked=""`));
  });

  it("shows a colleague's conflicting save under each question, with one's own text still in the field", async () => {
    expect((await h.call(answer.action, { request: colleague.request(h.path(consultationId), { form: { intent: "save", version: "0", [fieldName.answer(q.SHORT_TEXT)]: "Colleague wrote this" } }), params: { consultationId } })).status).toBe(302);
    const conflict = await h.call(answer.action, { request: focal.request(h.path(consultationId), { form: { intent: "save", version: "0", [fieldName.answer(q.SHORT_TEXT)]: "Focal wrote this" } }), params: { consultationId } });
    expect(conflict.status).toBe(409);
    const html = renderPage(AnswerPage, (await load(focal)).data, conflict.data);
    expect(html).toContain("Saved by Carlo Colleague:\nColleague wrote this");
    expect(html).toContain('value="Focal wrote this"');
    expect(html).toContain('name="version" value="1"');
  });

  it("renders the receipt once submitted", async () => {
    const form = { intent: "submit", version: "1", [fieldName.answer(q.SHORT_TEXT)]: "Final answer", [fieldName.answer(q.YES_NO)]: "no" };
    expect((await h.call(answer.action, { request: focal.request(h.path(consultationId), { form }), params: { consultationId } })).status).toBe(302);
    const loaded = await h.call(receipt.loader, { request: focal.request(h.path(`${consultationId}/receipt`)), params: { consultationId } });
    const html = renderPage(Receipt, loaded.data);
    expect(html).toContain("Receipt: Mining fiscal regime");
    expect(html).toContain("Submitted by Fe Focal on");
    expect(html).toContain("Final answer");
    expect(html).toContain("No answer");
  });
});
