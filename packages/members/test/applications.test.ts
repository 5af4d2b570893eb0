import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type CallResult, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import { defineModuleServer } from "@commons/plugin-sdk/server";
import type { Mailbox } from "@commons/email/mailbox";
import members from "../manifest.ts";
import server from "../server.ts";
import { EVENTS } from "../src/constants.ts";
import { settings } from "../src/settings.ts";
import { charterVersion } from "../src/applications/form.server.ts";
import * as apply from "../routes/applications/apply.tsx";
import * as received from "../routes/applications/received.tsx";
import * as respond from "../routes/applications/respond.tsx";
import * as list from "../routes/applications/applications.tsx";
import * as detail from "../routes/applications/application.tsx";

useTestDatabase();

let h: PluginHarness;
let admin: HarnessPerson;
let staff: HarnessPerson;
let member: HarnessPerson;
let focal: HarnessPerson;
let other: OtherTenant;
let mailbox: Mailbox;
let version: string;
let counter = 0;

type Form = Record<string, string | readonly string[]>;

/** What a form action answers: a notice, or messages with what was typed (see @commons/plugin-sdk/forms/server). */
interface Outcome {
  ok: boolean;
  form: string;
  notice?: string;
  errors?: Partial<Record<string, string>>;
  formError?: string;
  values?: Record<string, string>;
  lists?: Record<string, string[]>;
}
const outcome = (result: Promise<CallResult<unknown>>) => result as Promise<CallResult<Outcome>>;

/** A request from a browser nobody is signed in with. */
function anonymous(path: string, form?: Form): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {})) for (const v of typeof value === "string" ? [value] : value) body.append(key, v);
  return new Request(new URL(path, "http://localhost"), {
    method: form ? "POST" : "GET",
    headers: { origin: "http://localhost", ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? body : undefined,
  });
}

function application(over: Form = {}): Form {
  counter += 1;
  return {
    intent: "apply",
    organisationName: `Bantay Kalikasan ${counter}`,
    acronym: "BK",
    type: "NGO",
    region: "Caraga",
    province: "Surigao del Norte",
    sectors: ["Mining", "Fisheries"],
    website: "bantay.example.org",
    description: "Community monitoring of mining sites.",
    contactName: "Ana Reyes",
    contactEmail: `Ana.${counter}@Example.test`,
    motivation: "We want to share monitoring data with the network.",
    charter: "agree",
    charterVersion: version,
    ...over,
  };
}

const submit = (form: Form, harness: { path(sub?: string): string; tenant: { slug: string } } = h) =>
  outcome(h.call(apply.action, { request: anonymous(harness.path("apply"), form), params: { tenant: harness.tenant.slug } }));

/** Every test request comes from 127.0.0.1: forget its applications, so only the rate-limit test meets the limit. */
const forgetRateLimits = () => h.db((db) => db.rateLimit.deleteMany({ where: { key: { startsWith: `apply:${h.tenant.id}:` } } }));

/** Sends an application and returns its id. */
async function submitted(over: Form = {}): Promise<string> {
  await forgetRateLimits();
  const form = application(over);
  const result = await submit(form);
  expect(result.status).toBe(302);
  const row = await h.db((db) => db.membersApplication.findFirstOrThrow({ where: { organisationName: String(form.organisationName) }, select: { id: true } }));
  return row.id;
}

const decide = (person: HarnessPerson, id: string, form: Form) =>
  outcome(h.call(detail.action, { request: person.request(h.path(`applications/${id}`), { form }), params: { applicationId: id } }));
const answer = (token: string, form: Form, harness: { path(sub?: string): string } = h) =>
  outcome(h.call(respond.action, { request: anonymous(harness.path(`apply/${token}`), form), params: { token } }));

const applicationRow = (id: string) => h.db((db) => db.membersApplication.findFirstOrThrow({ where: { id } }));

beforeAll(async () => {
  h = await createPluginHarness(members);
  await h.configure({ settings: { regions: "Caraga\nDavao Region", sectors: "Mining\nFisheries\nForests" } });
  version = charterVersion(settings.parse({}).charter.trim());
  admin = await h.person({ role: "SECRETARIAT_ADMIN", name: "Sol Secretariat" });
  staff = await h.person({ role: "SECRETARIAT_STAFF", name: "Tess Staff" });
  member = await h.person({ role: "MEMBER", organisation: "Existing Org" });
  focal = await h.person({ role: "FOCAL_POINT", organisation: "Existing Org" });
  other = await h.otherTenant();
  mailbox = await h.mailbox();
});

afterAll(() => h?.close());

describe("the server entry", () => {
  it("handles only events the manifest subscribes to, and has a template for every email it sends", () => {
    expect(() => defineModuleServer(members, server)).not.toThrow();
    expect(Object.keys(server.emails ?? {})).toEqual(expect.arrayContaining(["application.received", "application.review", "application.info", "application.rejected", "application.approved"]));
  });
});

describe("the public application form", () => {
  it("is open to anyone, with the coalition's lists and its charter", async () => {
    const page = await h.call(apply.loader, { request: anonymous(h.path("apply")) });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ regions: ["Caraga", "Davao Region"], sectors: ["Mining", "Fisheries", "Forests"], charterVersion: version });
    expect(page.data?.types).toContain("People's organisation");
    expect(page.data?.charter).toMatch(/Members of this coalition agree to:\n1\./);
    expect((await h.call(received.loader, { request: anonymous(h.path("apply/received")) })).status).toBe(200);
  });

  it("stores an application with the charter agreed to, records the event, and leads to what happens next", async () => {
    const form = application({ organisationName: "  Samahan  ng   Mangingisda " });
    const result = await submit(form);
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(h.path("apply/received"));
    const row = await h.db((db) => db.membersApplication.findFirstOrThrow({ where: { organisationName: "Samahan ng Mangingisda" } }));
    expect(row).toMatchObject({
      status: "SUBMITTED",
      type: "NGO",
      region: "Caraga",
      sectors: ["Mining", "Fisheries"],
      website: "https://bantay.example.org",
      contactEmail: String(form.contactEmail).toLowerCase(),
      charterText: settings.parse({}).charter.trim(),
    });
    expect(row.charterAcceptedAt).toBeInstanceOf(Date);
    const events = await h.events(EVENTS.applicationSubmitted);
    expect(events.at(-1)?.payload).toEqual({ applicationId: row.id });
    expect(await h.db((db) => db.activity.count({ where: { action: "members.application.submitted", subjectId: row.id } }))).toBe(1);
  });

  it("says what is missing next to each field, keeps what was typed and ticked, and writes nothing", async () => {
    const before = await h.db((db) => db.membersApplication.count());
    const result = await submit({ intent: "apply", acronym: "XYZ", sectors: ["Forests"], charterVersion: version });
    expect(result.status).toBe(400);
    expect(Object.keys(result.data?.errors ?? {}).sort()).toEqual(["charter", "contactEmail", "contactName", "motivation", "organisationName", "region", "type"]);
    expect(result.data).toMatchObject({
      errors: { organisationName: "Enter the name of the organisation.", charter: expect.stringMatching(/Tick the box/), region: "Choose the organisation's region." },
      values: { acronym: "XYZ" },
      lists: { sectors: ["Forests"] },
    });
    expect(await h.db((db) => db.membersApplication.count())).toBe(before);
  });

  it("refuses a bad email address, an unticked charter, choices outside the lists and a bad website", async () => {
    const cases: [Form, string, RegExp][] = [
      [{ contactEmail: "ana@" }, "contactEmail", /email address like/],
      [{ charter: [] }, "charter", /agree to the charter/],
      [{ region: "Atlantis" }, "region", /options listed/],
      [{ type: "Company" }, "type", /options listed/],
      [{ sectors: ["Mining", "Banking"] }, "sectors", /from the list/],
      [{ website: "not a website" }, "website", /web address/],
      [{ motivation: "x".repeat(5001) }, "motivation", /under 5000/],
    ];
    for (const [over, field, message] of cases) {
      const form = application(over);
      const result = await submit(form);
      expect(result.status, field).toBe(400);
      expect(result.data?.errors?.[field], field).toMatch(message);
      expect(result.data?.values?.organisationName).toBe(form.organisationName);
      expect(await h.db((db) => db.membersApplication.count({ where: { organisationName: String(form.organisationName) } }))).toBe(0);
    }
  });

  it("asks to read the charter again when it changed while the form was open", async () => {
    const result = await submit(application({ charterVersion: "0000000000000000" }));
    expect(result.status).toBe(400);
    expect(result.data?.errors?.charter).toMatch(/charter changed/);
    expect(result.data?.values?.charter).toBeUndefined();
  });

  it("refuses an organisation that is already a member or already waiting for an answer", async () => {
    const asMember = await submit(application({ organisationName: "existing ORG" }));
    expect(asMember.status).toBe(400);
    expect(asMember.data?.errors?.organisationName).toBe("An organisation called “Existing Org” is already a member of this coalition.");
    const first = await submitted({ organisationName: "Tribal Rights Watch" });
    const again = await submit(application({ organisationName: "tribal rights  watch" }));
    expect(again.status).toBe(400);
    expect(again.data?.errors?.organisationName).toMatch(/already waiting for the secretariat's answer/);
    // Said at once, beside the form's other problems.
    const partial = await submit({ intent: "apply", organisationName: "Tribal Rights Watch", charterVersion: version });
    expect(partial.data?.errors).toMatchObject({ organisationName: expect.stringMatching(/already waiting/), contactEmail: expect.any(String) });
    // Once decided, the name may apply again.
    await decide(admin, first, { intent: "reject", reason: "Outside our field." });
    expect((await submit(application({ organisationName: "Tribal Rights Watch" }))).status).toBe(302);
  });

  it("takes free text for region and sectors when the coalition lists none", async () => {
    const result = await submit(application({ region: "Northern Mindanao", sectors: "Mining, Agriculture ,, Mining", charterVersion: version }), other);
    expect(result.status).toBe(302);
    const row = await other.db((db) => db.membersApplication.findFirstOrThrow({ where: { region: "Northern Mindanao" } }));
    expect(row.sectors).toEqual(["Mining", "Agriculture"]);
  });

  it("is a 404, form and answer links alike, while the coalition takes no applications", async () => {
    await h.configure({ settings: { acceptApplications: false, regions: "Caraga\nDavao Region", sectors: "Mining\nFisheries\nForests" } });
    try {
      expect((await h.call(apply.loader, { request: anonymous(h.path("apply")) })).status).toBe(404);
      expect((await h.call(received.loader, { request: anonymous(h.path("apply/received")) })).status).toBe(404);
      expect((await h.call(respond.loader, { request: anonymous(h.path("apply/abc")), params: { token: "abc" } })).status).toBe(404);
      const before = await h.db((db) => db.membersApplication.count());
      expect((await submit(application())).status).toBe(404);
      expect(await h.db((db) => db.membersApplication.count())).toBe(before);
      // The secretariat still sees its applications, and is told the form is closed.
      const page = await h.call(list.loader, { request: admin.request(h.path("applications")) });
      expect(page.data).toMatchObject({ formOpen: false });
    } finally {
      await h.configure({ settings: { regions: "Caraga\nDavao Region", sectors: "Mining\nFisheries\nForests" } });
    }
  });

  it("limits how many applications one network address sends a coalition in an hour", async () => {
    const limited = await h.otherTenant();
    const before = await limited.db((db) => db.membersApplication.count());
    for (let i = 0; i < 10; i++) expect((await submit(application({ region: "Caraga", sectors: "" }), limited)).status).toBe(302);
    const refused = await submit(application({ region: "Caraga", sectors: "" }), limited);
    expect(refused.status).toBe(429);
    expect(refused.data?.formError).toMatch(/Too many applications.*Try again in \d+ minutes/);
    expect(await limited.db((db) => db.membersApplication.count())).toBe(before + 10);
    // Mistakes do not count: a form with errors still gets its messages.
    expect((await submit(application({ contactEmail: "nope" }), limited)).status).toBe(400);
  });
});

describe("the secretariat's review", () => {
  it("is for the secretariat only: members and focal points get 404, visitors are sent to sign in", async () => {
    const id = await submitted();
    for (const person of [member, focal]) {
      expect((await h.call(list.loader, { request: person.request(h.path("applications")) })).status).toBe(404);
      expect((await h.call(detail.loader, { request: person.request(h.path(`applications/${id}`)), params: { applicationId: id } })).status).toBe(404);
      expect((await decide(person, id, { intent: "approve" })).status).toBe(404);
    }
    expect((await h.call(list.loader, { request: anonymous(h.path("applications")) })).status).toBe(302);
    expect((await h.call(list.loader, { request: other.member.request(h.path("applications")) })).status).toBe(404);
    expect((await applicationRow(id)).status).toBe("SUBMITTED");
  });

  it("lists waiting applications first, newest first, filtered by status and paginated", async () => {
    const page = await h.call(list.loader, { request: staff.request(h.path("applications")) });
    expect(page.status).toBe(200);
    const rows = page.data?.applications ?? [];
    const order = ["SUBMITTED", "INFO_REQUESTED", "APPROVED", "REJECTED"];
    const ranks = rows.map((r) => order.indexOf(r.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const submittedDates = rows.filter((r) => r.status === "SUBMITTED").map((r) => r.createdAt);
    expect(submittedDates).toEqual([...submittedDates].sort().reverse());
    expect(rows.some((r) => r.status === "REJECTED")).toBe(true);

    const rejected = await h.call(list.loader, { request: staff.request(h.path("applications?status=REJECTED")) });
    expect(rejected.data?.applications.every((r) => r.status === "REJECTED")).toBe(true);
    expect(rejected.data?.status).toBe("REJECTED");
    const bogus = await h.call(list.loader, { request: staff.request(h.path("applications?status=DROP&page=-3")) });
    expect(bogus.data).toMatchObject({ status: null, page: 1 });

    for (let i = 0; i < 25; i++) await h.db((db) => db.membersApplication.create({ data: { tenantId: h.tenant.id, organisationName: `Filler ${i}`, type: "NGO", region: "Caraga", contactName: "F", contactEmail: "f@example.test", motivation: "m", charterAcceptedAt: new Date() } }));
    const first = await h.call(list.loader, { request: staff.request(h.path("applications")) });
    expect(first.data?.applications).toHaveLength(25);
    expect(first.data?.pages).toBeGreaterThan(1);
    const second = await h.call(list.loader, { request: staff.request(h.path("applications?page=2")) });
    expect(second.data?.applications.length).toBeGreaterThan(0);
    expect(second.data?.applications.map((r) => r.id)).not.toContain(first.data?.applications[0]?.id);
  });

  it("never shows another coalition's application, whatever the id", async () => {
    const theirs = await other.db((db) =>
      db.membersApplication.create({ data: { tenantId: other.tenant.id, organisationName: "Their Org", type: "NGO", region: "X", contactName: "T", contactEmail: "t@example.test", motivation: "m", charterAcceptedAt: new Date() }, select: { id: true } }),
    );
    expect((await h.call(detail.loader, { request: admin.request(h.path(`applications/${theirs.id}`)), params: { applicationId: theirs.id } })).status).toBe(404);
    expect((await decide(admin, theirs.id, { intent: "approve" })).status).toBe(404);
    expect((await other.db((db) => db.membersApplication.findFirstOrThrow({ where: { id: theirs.id } }))).status).toBe("SUBMITTED");
    expect((await h.call(detail.loader, { request: admin.request(h.path("applications/not-a-uuid")), params: { applicationId: "not-a-uuid" } })).status).toBe(404);
    const list_ = await h.call(list.loader, { request: admin.request(h.path("applications?status=SUBMITTED")) });
    expect(list_.data?.applications.map((a) => a.organisationName)).not.toContain("Their Org");
  });

  it("approves in one go: the organisation, its history, the focal point's invitation, the events, the record", async () => {
    const id = await submitted({ organisationName: "Lumad Alliance", contactEmail: "Datu@Example.test" });
    const result = await decide(admin, id, { intent: "approve" });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ ok: true, notice: expect.stringMatching(/Lumad Alliance is now a member.*datu@example.test/) });

    const row = await applicationRow(id);
    expect(row).toMatchObject({ status: "APPROVED", reviewedById: admin.id });
    expect(row.reviewedAt).toBeInstanceOf(Date);
    const organisation = await h.db((db) => db.organisation.findFirstOrThrow({ where: { id: row.organisationId! } }));
    expect(organisation).toMatchObject({ name: "Lumad Alliance", status: "ACTIVE", region: "Caraga", type: "NGO", acronym: "BK", sectors: ["Mining", "Fisheries"], website: "https://bantay.example.org" });
    const history = await h.db((db) => db.membersStatusChange.findMany({ where: { organisationId: organisation.id } }));
    expect(history).toMatchObject([{ fromStatus: "APPLIED", toStatus: "ACTIVE", reason: "Application approved", changedById: admin.id }]);
    const invitation = await h.db((db) => db.invitation.findFirstOrThrow({ where: { organisationId: organisation.id } }));
    expect(invitation).toMatchObject({ email: "datu@example.test", role: "FOCAL_POINT", invitedById: admin.id, acceptedAt: null });
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(13 * 24 * 3600_000);

    expect((await h.events("invitation.created")).map((e) => e.payload)).toContainEqual({ invitationId: invitation.id });
    expect((await h.events("organisation.admitted")).map((e) => e.payload)).toContainEqual({ organisationId: organisation.id });
    expect((await h.events(EVENTS.applicationApproved)).map((e) => e.payload)).toContainEqual({ applicationId: id });
    expect(await h.db((db) => db.activity.count({ where: { action: "members.application.approved", subjectId: id, actorId: admin.id } }))).toBe(1);

    // A second approval (a double click, a second reviewer) changes nothing.
    const again = await decide(staff, id, { intent: "approve" });
    expect(again.status).toBe(409);
    expect(again.data?.formError).toBe("This application is already approved: nothing was changed.");
    expect(await h.db((db) => db.organisation.count({ where: { name: "Lumad Alliance" } }))).toBe(1);
    expect(await h.db((db) => db.invitation.count({ where: { email: "datu@example.test" } }))).toBe(1);
    expect((await applicationRow(id)).reviewedById).toBe(admin.id);
    // Nor can a decided application be rejected or questioned.
    expect((await decide(staff, id, { intent: "reject", reason: "No" })).status).toBe(409);

    const page = await h.call(detail.loader, { request: admin.request(h.path(`applications/${id}`)), params: { applicationId: id } });
    expect(page.data).toMatchObject({ open: false, application: { status: "APPROVED", reviewer: "Sol Secretariat" } });
    expect(JSON.stringify(page.data)).not.toContain("responseTokenHash");
  });

  it("refuses to approve when the name was taken meanwhile, and writes nothing", async () => {
    const id = await submitted({ organisationName: "Green Mindanao" });
    await h.db((db) => db.organisation.create({ data: { tenantId: h.tenant.id, name: "Green Mindanao", type: "NGO", region: "Caraga" } }));
    const events = (await h.events()).length;
    const result = await decide(admin, id, { intent: "approve" });
    expect(result.status).toBe(409);
    expect(result.data?.formError).toMatch(/“Green Mindanao” is already a member, so nothing was created/);
    expect(await applicationRow(id)).toMatchObject({ status: "SUBMITTED", reviewedById: null, organisationId: null });
    expect(await h.db((db) => db.organisation.count({ where: { name: "Green Mindanao" } }))).toBe(1);
    const { contactEmail } = await applicationRow(id);
    expect(await h.db((db) => db.invitation.count({ where: { email: contactEmail } }))).toBe(0);
    expect((await h.events()).length).toBe(events);
    expect(await h.db((db) => db.activity.count({ where: { action: "members.application.approved", subjectId: id } }))).toBe(0);
  });

  it("rejects only with a reason, which the applicant is emailed", async () => {
    const id = await submitted({ organisationName: "Quarry Friends", contactEmail: "quarry@example.test" });
    const empty = await decide(admin, id, { intent: "reject", reason: "   " });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ form: "reject", errors: { reason: "Give the reason: it is emailed to the applicant." } });
    expect((await applicationRow(id)).status).toBe("SUBMITTED");

    const result = await decide(staff, id, { intent: "reject", reason: "Your organisation works for a mining company." });
    expect(result.data).toMatchObject({ ok: true, form: "reject" });
    expect(await applicationRow(id)).toMatchObject({ status: "REJECTED", decisionReason: "Your organisation works for a mining company.", reviewedById: staff.id });
    expect(await h.db((db) => db.activity.count({ where: { action: "members.application.rejected", subjectId: id } }))).toBe(1);
    const event = (await h.events(EVENTS.applicationRejected)).find((e) => (e.payload as { applicationId: string }).applicationId === id)!;

    const sent = await h.dispatch(EVENTS.applicationRejected, event.payload as Record<string, unknown>, { eventId: event.id });
    expect(sent.outcome).toBe("ran");
    const mail = await mailbox.waitFor((m) => m.to.includes("quarry@example.test"));
    expect(mail.subject).toBe(`Your application to join ${h.tenant.name}`);
    expect(mail.text).toContain("Your organisation works for a mining company.");
    expect(mail.text).toContain("because this address was given as the contact");
    expect((await h.dispatch(EVENTS.applicationRejected, event.payload as Record<string, unknown>, { eventId: event.id })).outcome).toBe("already-ran");
    expect(mailbox.messages().filter((m) => m.to.includes("quarry@example.test"))).toHaveLength(1);
  });

  it("asks for more information; the emailed link takes one answer, then stops working", async () => {
    const id = await submitted({ organisationName: "River Watch", contactEmail: "river@example.test" });
    const empty = await decide(admin, id, { intent: "requestInfo", question: "" });
    expect(empty.status).toBe(400);
    expect(empty.data?.errors?.question).toBe("Write the question to email to the applicant.");

    const asked = await decide(admin, id, { intent: "requestInfo", question: "Which provinces do you work in?" });
    expect(asked.data).toMatchObject({ ok: true, form: "requestInfo" });
    expect(await applicationRow(id)).toMatchObject({ status: "INFO_REQUESTED", infoRequest: "Which provinces do you work in?", responseTokenHash: null });
    const event = (await h.events(EVENTS.applicationInfoRequested)).find((e) => (e.payload as { applicationId: string }).applicationId === id)!;
    expect(event.payload).toEqual({ applicationId: id });
    await h.dispatch(EVENTS.applicationInfoRequested, event.payload as Record<string, unknown>, { eventId: event.id });
    const mail = await mailbox.waitFor((m) => m.to.includes("river@example.test") && m.subject.includes("question"));
    expect(mail.text).toContain("Which provinces do you work in?");
    const link = /https?:\/\/\S+\/apply\/([a-z0-9]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = link![1]!;
    expect(link![0]).toContain(h.path(`apply/${token}`));
    expect((await applicationRow(id)).responseTokenHash).toMatch(/^[0-9a-f]{64}$/);

    const open = await h.call(respond.loader, { request: anonymous(h.path(`apply/${token}`)), params: { token } });
    expect(open.data).toMatchObject({ application: { organisation: "River Watch", question: "Which provinces do you work in?" } });
    const blank = await answer(token, { intent: "respond", infoResponse: " " });
    expect(blank.status).toBe(400);
    expect(blank.data?.errors?.infoResponse).toBe("Write your answer to the secretariat's question.");
    const answered = await answer(token, { intent: "respond", infoResponse: "Surigao del Norte and Agusan." });
    expect(answered.data).toMatchObject({ ok: true });
    expect(await applicationRow(id)).toMatchObject({ status: "SUBMITTED", infoResponse: "Surigao del Norte and Agusan.", responseTokenHash: null });

    // Used: the link shows that it no longer works, and a second answer is refused.
    expect((await h.call(respond.loader, { request: anonymous(h.path(`apply/${token}`)), params: { token } })).data).toMatchObject({ application: null });
    const twice = await answer(token, { intent: "respond", infoResponse: "Again" });
    expect(twice.status).toBe(410);
    expect((await applicationRow(id)).infoResponse).toBe("Surigao del Norte and Agusan.");
    // Unknown tokens, and one from another coalition's link, find nothing.
    for (const bad of ["nonsense", "a".repeat(32), "x".repeat(500)]) {
      expect((await h.call(respond.loader, { request: anonymous(h.path(`apply/${bad}`)), params: { token: bad } })).data).toMatchObject({ application: null });
      expect((await answer(bad, { intent: "respond", infoResponse: "Hi" })).status).toBe(410);
    }
    expect((await h.call(respond.loader, { request: anonymous(other.path(`apply/${token}`)), params: { tenant: other.tenant.slug, token } })).data).toMatchObject({ application: null });

    // The reviewer sees the exchange, and may decide again.
    const page = await h.call(detail.loader, { request: admin.request(h.path(`applications/${id}`)), params: { applicationId: id } });
    expect(page.data?.exchange).toMatchObject([
      { kind: "question", by: "Sol Secretariat", text: "Which provinces do you work in?" },
      { kind: "answer", by: null, text: "Surigao del Norte and Agusan." },
    ]);
    expect(page.data?.open).toBe(true);
    expect(await h.db((db) => db.activity.count({ where: { subjectId: id, action: { in: ["members.application.info_requested", "members.application.info_received"] } } }))).toBe(2);
  });

  it("refuses an unknown action without changing anything", async () => {
    const id = await submitted();
    const result = await decide(admin, id, { intent: "delete" });
    expect(result.status).toBe(400);
    expect(result.data?.formError).toMatch(/not recognised/);
    expect((await applicationRow(id)).status).toBe("SUBMITTED");
  });
});

describe("emails about an application", () => {
  it("confirm to the applicant and tell the secretariat, admins and staff, where to review it", async () => {
    const id = await submitted({ organisationName: "Coastal Women Network", contactEmail: "coastal@example.test" });
    const event = (await h.events(EVENTS.applicationSubmitted)).find((e) => (e.payload as { applicationId: string }).applicationId === id)!;
    expect((await h.dispatch(EVENTS.applicationSubmitted, event.payload as Record<string, unknown>, { eventId: event.id })).outcome).toBe("ran");
    const confirmation = await mailbox.waitFor((m) => m.to.includes("coastal@example.test"));
    expect(confirmation.subject).toBe(`We received your application to join ${h.tenant.name}`);
    expect(confirmation.text).toContain("Coastal Women Network");
    for (const person of [admin, staff]) {
      const review = await mailbox.waitFor((m) => m.to.includes(person.email) && m.subject.includes("Coastal Women Network"));
      expect(review.subject).toBe("New membership application: Coastal Women Network");
      expect(review.text).toContain(`${h.path(`applications/${id}`)}`);
    }
    expect(mailbox.messages().some((m) => m.to.includes(member.email) || m.to.includes(focal.email))).toBe(false);
  });

  it("tell the applicant of the approval (the invitation itself is the worker's)", async () => {
    const id = await submitted({ organisationName: "Highland Farmers", contactEmail: "highland@example.test" });
    await decide(admin, id, { intent: "approve" });
    const event = (await h.events(EVENTS.applicationApproved)).find((e) => (e.payload as { applicationId: string }).applicationId === id)!;
    await h.dispatch(EVENTS.applicationApproved, event.payload as Record<string, unknown>, { eventId: event.id });
    const mail = await mailbox.waitFor((m) => m.to.includes("highland@example.test"));
    expect(mail.subject).toBe(`Highland Farmers is now a member of ${h.tenant.name}`);
    expect(mail.text).toMatch(/separate email invites you/);
  });
});
