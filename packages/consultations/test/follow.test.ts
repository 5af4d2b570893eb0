import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type Mailbox, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as follow from "../routes/follow/follow.tsx";
import * as remind from "../routes/follow/remind.tsx";
import * as close from "../routes/follow/close.tsx";
import { createConsultation, orgKey, organisationIdOf, respond } from "./follow-fixtures.ts";

useTestDatabase();

let h: PluginHarness;
let other: OtherTenant;
let mailbox: Mailbox;
let admin: HarnessPerson;
let focalA: HarnessPerson;
let memberA: HarnessPerson;
let focalB: HarnessPerson;
let focalC: HarnessPerson;
let consultationId: string;
const NAMES = ["Alpha Watch", "Bantay Mina", "Coastal Voices"];

type Loaded = Awaited<ReturnType<typeof follow.loader>>;

const view = (person: HarnessPerson, query = "", id = consultationId) =>
  h.call(follow.loader as never, { request: person.request(h.path(`${id}/follow${query}`)), params: { consultationId: id } });
const post = (route: { action: unknown }, person: HarnessPerson, sub: string, form: Record<string, string> = {}, id = consultationId) =>
  h.call(route.action as never, { request: person.request(h.path(`${id}/${sub}`), { form }), params: { consultationId: id } });

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  mailbox = await h.mailbox();
  other = await h.otherTenant();
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  focalA = await h.person({ role: "FOCAL_POINT", organisation: NAMES[0] });
  memberA = await h.person({ role: "MEMBER", organisation: NAMES[0] });
  focalB = await h.person({ role: "FOCAL_POINT", organisation: NAMES[1] });
  focalC = await h.person({ role: "FOCAL_POINT", organisation: NAMES[2] });
  const [a, b, c] = await Promise.all(NAMES.map((n) => organisationIdOf(h, n)));
  await h.db(async (db) => {
    await db.organisation.update({ where: { id: a }, data: { region: "Mindanao", sectors: ["Mining"] }, select: { id: true } });
    await db.organisation.update({ where: { id: b }, data: { region: "Luzon", sectors: ["Mining", "Oil and gas"] }, select: { id: true } });
    await db.organisation.update({ where: { id: c }, data: { region: "Luzon", sectors: ["Fisheries"] }, select: { id: true } });
  });
  ({ id: consultationId } = await createConsultation(h, {
    title: "Followed",
    deadline: new Date(Date.now() + 3 * 86_400_000),
    openedAt: new Date(Date.now() - 86_400_000),
    createdById: admin.id,
    recipients: [a!, b!, c!].map(orgKey),
  }));
  await respond(h, consultationId, orgKey(a!), focalA.id, "SUBMITTED");
  await respond(h, consultationId, orgKey(b!), focalB.id, "DRAFT");
});
afterAll(() => h?.close());

describe("the response-rate page", () => {
  it("counts answered, drafted and not started, and lists each organisation with its status", async () => {
    const page = await view(admin);
    expect(page.status).toBe(200);
    const data = page.data as Loaded;
    expect(data.summary).toMatchObject({ recipients: 3, submitted: 1, drafted: 1, notStarted: 1, remindable: 2, matching: 3, regions: ["Luzon", "Mindanao"], sectors: ["Fisheries", "Mining", "Oil and gas"] });
    expect(data.rows.map((r) => [r.name, r.region, r.state])).toEqual([
      ["Alpha Watch", "Mindanao", "SUBMITTED"],
      ["Bantay Mina", "Luzon", "DRAFT"],
      ["Coastal Voices", "Luzon", "NOT_STARTED"],
    ]);
    expect(data.rows[0]!.submittedAt).not.toBeNull();
    expect(data.rows[2]!.updatedAt).toBeNull();
  });

  it("filters by region, sector and status", async () => {
    const names = async (query: string) => ((await view(admin, query)).data as Loaded).rows.map((r) => r.name);
    expect(await names("?region=Luzon")).toEqual(["Bantay Mina", "Coastal Voices"]);
    expect(await names("?sector=Mining")).toEqual(["Alpha Watch", "Bantay Mina"]);
    expect(await names("?region=Luzon&sector=Mining")).toEqual(["Bantay Mina"]);
    expect(await names("?state=NOT_STARTED")).toEqual(["Coastal Voices"]);
    expect(await names("?region=Nowhere")).toEqual([]);
    // Arriving from the open page.
    expect(((await view(admin, "?opened=3")).data as Loaded).notice).toEqual({ kind: "opened", count: 3 });
    // Nonsense is ignored, not a 500.
    expect((await view(admin, "?state=BOGUS&page=-3")).status).toBe(200);
  });

  it("is the secretariat's alone, in this coalition only", async () => {
    for (const person of [memberA, focalA]) {
      expect((await view(person)).status).toBe(404);
      expect((await post(remind, person, "remind")).status).toBe(404);
      expect((await h.call(close.loader as never, { request: person.request(h.path(`${consultationId}/close`)), params: { consultationId } })).status).toBe(404);
      expect((await post(close, person, "close", { intent: "close" })).status).toBe(404);
    }
    const theirs = await h.call(follow.loader as never, { request: other.member.request(other.path(`${consultationId}/follow`)), params: { tenant: other.tenant.slug, consultationId } });
    expect(theirs.status).toBe(404);
    const theirAdmin = await other.person({ role: "SECRETARIAT_ADMIN" });
    const theirsAsAdmin = await h.call(remind.action as never, { request: theirAdmin.request(other.path(`${consultationId}/remind`), { form: {} }), params: { tenant: other.tenant.slug, consultationId } });
    expect(theirsAsAdmin.status).toBe(404);
    expect((await view(admin, "", "not-a-uuid")).status).toBe(404);
    expect((await view(admin, "", crypto.randomUUID())).status).toBe(404);
  });

  it("reminds those who have not submitted on request, telling the officer how many", async () => {
    const reminded = await post(remind, admin, "remind", { intent: "remind" });
    expect(reminded.status).toBe(302);
    expect(reminded.headers.get("Location")).toBe(`/c/${h.tenant.slug}/consultations/${consultationId}/follow?notice=reminded&count=2`);
    const events = await h.events("consultations.reminder_due");
    expect(events).toHaveLength(1);
    expect((events[0]!.payload as { reminderKey: string }).reminderKey).toMatch(/^manual:[0-9a-f-]{36}$/);
    await h.dispatch(events[0]!.type, events[0]!.payload as Record<string, unknown>, { eventId: events[0]!.id });
    const reminder = (m: { subject: string }) => m.subject.startsWith("Reminder: \u201CFollowed\u201D");
    for (const person of [focalB, focalC]) await mailbox.waitFor((m) => reminder(m) && m.to.includes(person.email));
    // Alpha Watch submitted: neither its focal point nor its member is reminded.
    expect(mailbox.messages().filter((m) => reminder(m) && (m.to.includes(focalA.email) || m.to.includes(memberA.email)))).toHaveLength(0);
    const page = (await view(admin, "?notice=reminded&count=2")).data as Loaded;
    expect(page.notice).toEqual({ kind: "reminded", count: 2 });
    // A double click (or a second officer) within 15 minutes sends nothing more.
    const again = await post(remind, admin, "remind", { intent: "remind" });
    expect(again.headers.get("Location")).toContain("notice=recent");
    expect(await h.events("consultations.reminder_due")).toHaveLength(1);
    // Later, a second press is a new reminder: those who still have not submitted hear again.
    await h.db((db) => db.consultationsReminder.updateMany({ where: { consultationId, respondentKey: "*" }, data: { sentAt: new Date(Date.now() - 20 * 60_000) } }));
    // Two clicks at the same moment: one reminder.
    await Promise.all([post(remind, admin, "remind", { intent: "remind" }), post(remind, admin, "remind", { intent: "remind" })]);
    expect(await h.events("consultations.reminder_due")).toHaveLength(2);
    const second = (await h.events("consultations.reminder_due"))[1]!;
    await h.dispatch(second.type, second.payload as Record<string, unknown>, { eventId: second.id });
    await mailbox.waitFor(() => mailbox.messages().filter((m) => reminder(m) && m.to.includes(focalC.email)).length === 2);
  });

  it("closes by hand after a confirmation page, and only once", async () => {
    const confirm = await h.call(close.loader as never, { request: admin.request(h.path(`${consultationId}/close`)), params: { consultationId } });
    expect(confirm.data).toMatchObject({ consultation: { open: true }, submitted: 1, drafts: 1 });
    expect((await post(close, admin, "close", { intent: "nonsense" })).status).toBe(400);
    const closed = await post(close, admin, "close", { intent: "close" });
    expect(closed.status).toBe(302);
    expect(closed.headers.get("Location")).toContain("notice=closed");
    const row = await h.db((db) => db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { status: true, closedAt: true } }));
    expect(row.status).toBe("CLOSED");
    expect(row.closedAt).toBeInstanceOf(Date);
    expect((await post(close, admin, "close", { intent: "close" })).status).toBe(409);
    // Nobody is reminded of a closed consultation.
    const refused = await post(remind, admin, "remind", { intent: "remind" });
    expect(refused.headers.get("Location")).toContain("notice=notOpen");
  });
});
