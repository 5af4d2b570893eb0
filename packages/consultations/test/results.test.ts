import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type Mailbox, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as results from "../routes/follow/results.tsx";
import * as statement from "../routes/follow/statement.tsx";
import * as exportCsv from "../routes/follow/export-csv.tsx";
import * as exportXlsx from "../routes/follow/export-xlsx.tsx";
import { BarChart } from "../src/follow/chart.tsx";
import type { QuestionResult } from "../src/follow/results.server.ts";
import { createConsultation, orgKey, organisationIdOf, respond, type QuestionPlan } from "./follow-fixtures.ts";

useTestDatabase();

const QUESTIONS: QuestionPlan[] = [
  { kind: "SHORT_TEXT", prompt: "In one line" },
  { kind: "LONG_TEXT", prompt: "Tell us more" },
  { kind: "SINGLE_CHOICE", prompt: "Priority", options: ["Royalties", "Rehabilitation", "Disclosure"] },
  { kind: "MULTIPLE_CHOICE", prompt: "Channels", options: ["Email", "SMS", "Radio"] },
  { kind: "SCALE", prompt: "Agreement" },
  { kind: "RANKING", prompt: "Rank", options: ["A", "B", "C"] },
  { kind: "YES_NO", prompt: "Endorse?" },
];

let h: PluginHarness;
let other: OtherTenant;
let mailbox: Mailbox;
let admin: HarnessPerson;
let focalA: HarnessPerson;
let memberA: HarnessPerson;
let focalB: HarnessPerson;
let focalC: HarnessPerson;
let focalD: HarnessPerson;
let outsider: HarnessPerson;
const orgs: Record<string, string> = {};

type Loaded = Extract<Awaited<ReturnType<typeof results.loader>>, { view: "all" }>;

const get = (person: HarnessPerson, id: string, sub = "results", query = "") =>
  h.call(results.loader as never, { request: person.request(h.path(`${id}/${sub}${query}`)), params: { consultationId: id } });
const post = (route: { action: unknown }, person: HarnessPerson, id: string, sub: string, form: Record<string, string>) =>
  h.call(route.action as never, { request: person.request(h.path(`${id}/${sub}`), { form }), params: { consultationId: id } });
const setStatus = (id: string, status: "OPEN" | "CLOSED") =>
  h.db((db) => db.consultation.update({ where: { id }, data: { status, closedAt: status === "CLOSED" ? new Date() : null }, select: { id: true } }));

/** A consultation of every kind: A and B submitted, C has a draft, D has not started. */
async function arrange(visibility: "SECRETARIAT" | "PARTICIPANTS" | "ANONYMOUS", title: string) {
  const { id, questionIds: q } = await createConsultation(h, {
    title,
    visibility,
    deadline: new Date(Date.now() + 86_400_000),
    openedAt: new Date(Date.now() - 86_400_000),
    createdById: admin.id,
    questions: QUESTIONS,
    recipients: ["A", "B", "C", "D"].map((n) => orgKey(orgs[n]!)),
  });
  await respond(h, id, orgKey(orgs.A!), focalA.id, "SUBMITTED", {
    [q[0]!]: "Zebra crossing",
    [q[1]!]: "Publish contracts",
    [q[2]!]: "Royalties",
    [q[3]!]: ["Email", "Radio"],
    [q[4]!]: 4,
    [q[5]!]: ["A", "B", "C"],
    [q[6]!]: { answer: "yes", comment: "With conditions" },
  });
  await respond(h, id, orgKey(orgs.B!), focalB.id, "SUBMITTED", {
    [q[0]!]: "Apples first",
    [q[2]!]: "Disclosure",
    [q[3]!]: ["Email"],
    [q[4]!]: 2,
    [q[5]!]: ["B", "A", "C"],
    [q[6]!]: { answer: "no", comment: "" },
  });
  await respond(h, id, orgKey(orgs.C!), focalC.id, "DRAFT", { [q[0]!]: "Draft only, never counted", [q[4]!]: 5 });
  return { id, q };
}

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  mailbox = await h.mailbox();
  other = await h.otherTenant();
  admin = await h.person({ role: "SECRETARIAT_STAFF" });
  focalA = await h.person({ role: "FOCAL_POINT", organisation: "Alpha Watch", name: "Ana Alpha" });
  memberA = await h.person({ role: "MEMBER", organisation: "Alpha Watch" });
  focalB = await h.person({ role: "FOCAL_POINT", organisation: "Bantay Mina" });
  focalC = await h.person({ role: "FOCAL_POINT", organisation: "Coastal Voices" });
  focalD = await h.person({ role: "FOCAL_POINT", organisation: "Delta Forum" });
  outsider = await h.person({ role: "FOCAL_POINT", organisation: "Elsewhere" });
  for (const [key, name] of Object.entries({ A: "Alpha Watch", B: "Bantay Mina", C: "Coastal Voices", D: "Delta Forum" })) orgs[key] = await organisationIdOf(h, name);
});
afterAll(() => h?.close());

describe("results", () => {
  let id: string;
  let q: string[];
  beforeAll(async () => {
    ({ id, q } = await arrange("SECRETARIAT", "Named to the secretariat"));
  });

  it("counts each kind of question from the submitted answers only", async () => {
    const page = await get(admin, id);
    expect(page.status).toBe(200);
    const data = page.data as Loaded;
    expect(data.totals).toMatchObject({ recipients: 4, submitted: 2 });
    const byPrompt = Object.fromEntries(data.results.map((r: QuestionResult) => [r.question.prompt, r]));
    expect(byPrompt["In one line"]!.answered).toBe(2);
    expect(byPrompt["Tell us more"]!.answered).toBe(1);
    expect(byPrompt.Priority!.options).toEqual([
      { value: "Royalties", count: 1, percent: 50 },
      { value: "Rehabilitation", count: 0, percent: 0 },
      { value: "Disclosure", count: 1, percent: 50 },
    ]);
    expect(byPrompt.Channels!.options.map((o) => [o.value, o.count, o.percent])).toEqual([
      ["Email", 2, 100],
      ["SMS", 0, 0],
      ["Radio", 1, 50],
    ]);
    expect(byPrompt.Agreement!.options.map((o) => o.count)).toEqual([0, 1, 0, 1, 0]);
    expect(byPrompt.Agreement!.mean).toBe(3);
    expect(byPrompt.Rank!.options.map((o) => [o.value, o.averageRank])).toEqual([
      ["A", 1.5],
      ["B", 1.5],
      ["C", 3],
    ]);
    expect(byPrompt["Endorse?"]!.options.map((o) => [o.value, o.count])).toEqual([
      ["yes", 1],
      ["no", 1],
    ]);
  });

  it("lists written answers in alphabetical order, with names for the secretariat only", async () => {
    const forAdmin = (await get(admin, id)).data as Loaded;
    expect(forAdmin.texts[q[0]!]!.answers).toEqual([
      { text: "Apples first", name: "Bantay Mina" },
      { text: "Zebra crossing", name: "Alpha Watch" },
    ]);
    expect(forAdmin.texts[q[6]!]!.answers).toEqual([{ text: "With conditions", name: "Alpha Watch" }]);
    await setStatus(id, "CLOSED");
    const forMember = (await get(memberA, id)).data as Loaded;
    expect(forMember.texts[q[0]!]!.answers).toEqual([
      { text: "Apples first", name: null },
      { text: "Zebra crossing", name: null },
    ]);
    expect(JSON.stringify(forMember)).not.toContain("Bantay Mina");
  });

  it("lists all the written answers to one question a page at a time", async () => {
    const page = await get(admin, id, "results", `?question=${q[0]}`);
    expect(page.data).toMatchObject({ view: "texts", texts: { total: 2 }, page: 1, pages: 1 });
    expect((await get(admin, id, "results", "?question=not-a-uuid")).status).toBe(404);
    expect((await get(admin, id, "results", `?question=${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("shows the results to recipients once closed, never to others", async () => {
    const open = await arrange("PARTICIPANTS", "Still open");
    expect((await get(memberA, open.id)).status).toBe(404);
    expect((await get(admin, open.id)).status).toBe(200);
    await setStatus(open.id, "CLOSED");
    expect((await get(memberA, open.id)).status).toBe(200);
    expect((await get(outsider, open.id)).status).toBe(404);
    const theirs = await h.call(results.loader as never, { request: other.member.request(other.path(`${open.id}/results`)), params: { tenant: other.tenant.slug, consultationId: open.id } });
    expect(theirs.status).toBe(404);
    // Our member at the other coalition's URL.
    const atTheirs = await h.call(results.loader as never, { request: memberA.request(other.path(`${open.id}/results`)), params: { tenant: other.tenant.slug, consultationId: open.id } });
    expect(atTheirs.status).toBe(404);
  });

  it("names answers for every participant when the visibility says so, and for nobody when anonymous", async () => {
    const named = await arrange("PARTICIPANTS", "Named to all");
    await setStatus(named.id, "CLOSED");
    expect(((await get(memberA, named.id)).data as Loaded).texts[named.q[0]!]!.answers.map((a) => a.name)).toEqual(["Bantay Mina", "Alpha Watch"]);
    const anonymous = await arrange("ANONYMOUS", "Anonymous");
    await setStatus(anonymous.id, "CLOSED");
    for (const reader of [admin, memberA]) {
      const data = (await get(reader, anonymous.id)).data as Loaded;
      expect(data.texts[anonymous.q[0]!]!.answers).toEqual([
        { text: "Apples first", name: null },
        { text: "Zebra crossing", name: null },
      ]);
      expect(JSON.stringify(data.texts)).not.toMatch(/Alpha Watch|Bantay Mina/);
    }
  });

  it("draws each chart as an image with a summary, without script", () => {
    const html = renderToStaticMarkup(createElement(BarChart, { id: "c1", summary: "Priority: Royalties 1 (50%)", bars: [{ label: "Royalties", share: 0.5, figure: "1 (50%)" }] }));
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="c1-title"');
    expect(html).toContain("<title id=\"c1-title\">Priority: Royalties 1 (50%)</title>");
    expect(html).not.toContain("<script");
  });
});

describe("the closing statement", () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await arrange("PARTICIPANTS", "Statement consultation"));
  });

  it("is the secretariat's alone", async () => {
    for (const person of [memberA, focalA]) {
      expect((await h.call(statement.loader as never, { request: person.request(h.path(`${id}/statement`)), params: { consultationId: id } })).status).toBe(404);
      expect((await post(statement, person, id, "statement", { intent: "publish", statement: "x" })).status).toBe(404);
    }
    const theirs = await h.call(statement.loader as never, { request: other.member.request(other.path(`${id}/statement`)), params: { tenant: other.tenant.slug, consultationId: id } });
    expect(theirs.status).toBe(404);
  });

  it("previews and saves, refuses a bad link and publishing before the close", async () => {
    const preview = await post(statement, admin, id, "statement", { intent: "preview", statement: "We heard **you**. <script>alert(1)</script>", commitments: "" });
    expect((preview.data as { preview: { html: string } }).preview.html).toContain("<strong>you</strong>");
    expect((preview.data as { preview: { html: string } }).preview.html).not.toContain("<script");
    const bad = await post(statement, admin, id, "statement", { intent: "save", statement: "Heard", commitments: "Publish the audit | javascript:alert(1)" });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { commitments: expect.stringContaining("Line 1") }, values: { statement: "Heard" } });
    const early = await post(statement, admin, id, "statement", { intent: "publish", statement: "Heard", commitments: "" });
    expect(early.status).toBe(409);
    expect(await h.events("consultation.closed")).toHaveLength(0);
  });

  it("publishes once closed: emails every recipient organisation's people and records consultation.closed", async () => {
    await setStatus(id, "CLOSED");
    const empty = await post(statement, admin, id, "statement", { intent: "publish", statement: "  ", commitments: "" });
    expect(empty.status).toBe(400);
    const published = await post(statement, admin, id, "statement", {
      intent: "publish",
      statement: "We heard that **disclosure** matters most.",
      commitments: "Publish the contracts | https://example.org/contracts\nMeet again in June",
    });
    expect(published.data).toMatchObject({ ok: true });
    const events = await h.events("consultation.closed");
    expect(events.map((e) => e.payload)).toEqual([{ consultationId: id }]);
    expect((await post(statement, admin, id, "statement", { intent: "publish", statement: "Again", commitments: "" })).status).toBe(409);
    await h.dispatch(events[0]!.type, events[0]!.payload as Record<string, unknown>, { eventId: events[0]!.id });
    const subject = "You said, we did: \u201CStatement consultation\u201D";
    for (const person of [focalA, memberA, focalB, focalC, focalD]) await mailbox.waitFor((m) => m.subject === subject && m.to.includes(person.email));
    expect(mailbox.messages().filter((m) => m.subject === subject && (m.to.includes(outsider.email) || m.to.includes(admin.email)))).toHaveLength(0);
    const message = mailbox.messages().find((m) => m.subject === subject)!;
    // Plain text, not Markdown.
    expect(message.text).toContain("We heard that disclosure matters most.");
    expect(message.text).not.toContain("**");
    expect(message.text).toContain("- Publish the contracts (https://example.org/contracts)");
    expect(message.text).toContain(`/consultations/${id}/results`);
    // Only those whose organisation submitted (A, B) are asked whether they feel heard; C (a draft) and D are not.
    const to = (person: HarnessPerson) => mailbox.messages().find((m) => m.subject === subject && m.to.includes(person.email))!.text;
    for (const person of [focalA, memberA, focalB]) expect(to(person)).toContain("whether you feel heard");
    for (const person of [focalC, focalD]) expect(to(person)).not.toContain("feel heard");
  });

  it("shows the statement beside the results, and counts who feels heard", async () => {
    const page = (await get(memberA, id)).data as Loaded;
    expect(page.statement!.html).toContain("<strong>disclosure</strong> matters most");
    expect(page.statement!.commitments).toEqual([
      { text: "Publish the contracts", url: "https://example.org/contracts" },
      { text: "Meet again in June", url: null },
    ]);
    expect(page.feltHeard).toEqual({ own: null });
    expect((await post(results, memberA, id, "results", { intent: "feltHeard", feltHeard: "yes" })).data).toMatchObject({ ok: true });
    expect((await post(results, focalB, id, "results", { intent: "feltHeard", feltHeard: "no" })).data).toMatchObject({ ok: true });
    expect(((await get(focalC, id)).data as Loaded).totals).toMatchObject({ heard: 1, notHeard: 1 });
    // Changeable.
    await post(results, focalA, id, "results", { intent: "feltHeard", feltHeard: "no" });
    const after = (await get(focalA, id)).data as Loaded;
    expect(after.totals).toMatchObject({ heard: 0, notHeard: 2 });
    expect(after.feltHeard).toEqual({ own: false });
    // Only those who submitted; a bad value is a message, not a 500.
    expect((await get(focalC, id)).data).toMatchObject({ feltHeard: null });
    expect((await post(results, focalC, id, "results", { intent: "feltHeard", feltHeard: "yes" })).status).toBe(403);
    expect((await post(results, focalA, id, "results", { intent: "feltHeard", feltHeard: "maybe" })).status).toBe(400);
    expect((await post(results, outsider, id, "results", { intent: "feltHeard", feltHeard: "yes" })).status).toBe(404);
  });
});

describe("export", () => {
  it("has one row per submitted respondent and one column per question, names left out when anonymous", async () => {
    const { id } = await arrange("SECRETARIAT", "Export named");
    const csv = await h.call(exportCsv.loader as never, { request: admin.request(h.path(`${id}/export.csv`)), params: { consultationId: id } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = csv.body!.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("Respondent,Submitted at,In one line,Tell us more,Priority,Channels,Agreement,Rank,Endorse?,Endorse? (comment)");
    expect(lines[1]).toMatch(/^Alpha Watch,\d{4}-.*,Zebra crossing,Publish contracts,Royalties,Email; Radio,4,1\. A; 2\. B; 3\. C,Yes,With conditions$/);
    expect(lines[2]).toMatch(/^Bantay Mina,/);

    const anonymous = await arrange("ANONYMOUS", "Export anonymous");
    const anon = await h.call(exportCsv.loader as never, { request: admin.request(h.path(`${anonymous.id}/export.csv`)), params: { consultationId: anonymous.id } });
    expect(anon.body).not.toMatch(/Alpha Watch|Bantay Mina|Respondent/);
    expect(anon.body!.replace(/^\uFEFF/, "").trim().split("\r\n")).toHaveLength(3);

    const xlsx = await h.call(exportXlsx.loader as never, { request: admin.request(h.path(`${id}/export.xlsx`)), params: { consultationId: id } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
  });

  it("is the secretariat's alone", async () => {
    const { id } = await arrange("SECRETARIAT", "Export guarded");
    for (const person of [memberA, focalA]) {
      expect((await h.call(exportCsv.loader as never, { request: person.request(h.path(`${id}/export.csv`)), params: { consultationId: id } })).status).toBe(404);
    }
    const theirs = await h.call(exportXlsx.loader as never, { request: other.member.request(other.path(`${id}/export.xlsx`)), params: { tenant: other.tenant.slug, consultationId: id } });
    expect(theirs.status).toBe(404);
  });
});
