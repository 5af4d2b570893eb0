import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as open from "../routes/drafting/open.tsx";
import { openConsultation } from "../src/audience.server.ts";
import { EVENTS, respondentKey } from "../src/constants.ts";
import { coalitionOf, draftConsultation, makeOrganisations, openConsultationAs, personIn, recipientKeys } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let staff: HarnessPerson;
let orgs: Awaited<ReturnType<typeof coalitionOf>>;
let suspended: string;
let focal0: HarnessPerson;
let member0: HarnessPerson;
let member1: HarnessPerson;
let stakeholder: HarnessPerson;

const org = (i: number) => respondentKey.organisation(orgs[i]!.id);
const orgKeys = (...indices: number[]) => indices.map(org).sort();

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  staff = await h.person({ role: "SECRETARIAT_STAFF" });
  // Nine active organisations: i has region REGIONS[i % 3], sector SECTORS[i % 3], theme THEMES[i % 2].
  orgs = await coalitionOf(h, 9);
  suspended = (await makeOrganisations(h, [{ name: "Suspended in Caraga", region: "Caraga", sectors: ["Mining"], themes: ["Transparency"], status: "SUSPENDED" }]))[0]!;
  focal0 = await personIn(h, orgs[0]!.id, "FOCAL_POINT", "Fe Focal");
  member0 = await personIn(h, orgs[0]!.id, "MEMBER", "Mara Member");
  member1 = await personIn(h, orgs[1]!.id, "MEMBER", "Nilo Member");
  await personIn(h, suspended, "MEMBER", "Sol Suspended");
  stakeholder = await h.person({ role: "STAKEHOLDER", name: "Gov Stakeholder" });
});
afterAll(() => h?.close());

describe("opening fixes who is asked", () => {
  it("all active organisations (not the suspended one); OPEN, openedAt, consultation.opened", async () => {
    const { id } = await draftConsultation(h, staff.id);
    const result = await openConsultationAs(h, staff, id);
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(h.path(`${id}/follow?opened=9`));
    expect(await recipientKeys(h, id)).toEqual(orgKeys(0, 1, 2, 3, 4, 5, 6, 7, 8));
    const row = await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { status: true, openedAt: true } }));
    expect(row.status).toBe("OPEN");
    expect(row.openedAt).toBeInstanceOf(Date);
    expect((await h.events(EVENTS.opened)).map((e) => e.payload)).toContainEqual({ consultationId: id });
  });

  it("filtered by region, by sector, by theme, and by region and theme together", async () => {
    const cases: [Parameters<typeof draftConsultation>[2], number[]][] = [
      [{ audienceKind: "FILTERED", audienceRegions: ["Caraga"] }, [0, 3, 6]],
      [{ audienceKind: "FILTERED", audienceSectors: ["Forestry"] }, [2, 5, 8]],
      [{ audienceKind: "FILTERED", audienceThemes: ["Land rights"] }, [1, 3, 5, 7]],
      [{ audienceKind: "FILTERED", audienceRegions: ["Caraga", "CAR"], audienceThemes: ["Transparency"] }, [0, 4, 6]],
    ];
    for (const [plan, expected] of cases) {
      const { id } = await draftConsultation(h, staff.id, plan);
      expect((await openConsultationAs(h, staff, id)).status).toBe(302);
      expect(await recipientKeys(h, id)).toEqual(orgKeys(...expected));
    }
  });

  it("hand-picked: only the active ones picked", async () => {
    const { id } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[1]!.id, orgs[4]!.id, suspended] });
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    expect(await recipientKeys(h, id)).toEqual(orgKeys(1, 4));
  });

  it("stakeholders included: one row each, answering for themselves", async () => {
    const { id } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[2]!.id], includeStakeholders: true });
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    expect(await recipientKeys(h, id)).toEqual([org(2), respondentKey.person(stakeholder.id)].sort());
    const row = await h.db((db) => db.consultationsRecipient.findFirstOrThrow({ where: { consultationId: id, userId: stakeholder.id }, select: { organisationId: true } }));
    expect(row.organisationId).toBeNull();
  });

  it("one answer per person: a row per person of the organisations asked, with their organisation", async () => {
    const { id } = await draftConsultation(h, staff.id, { mode: "PERSON" });
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    expect(await recipientKeys(h, id)).toEqual([focal0, member0, member1].map((p) => respondentKey.person(p.id)).sort());
    const rows = await h.db((db) => db.consultationsRecipient.findMany({ where: { consultationId: id }, select: { userId: true, organisationId: true } }));
    expect(rows).toContainEqual({ userId: member1.id, organisationId: orgs[1]!.id });
  });

  it("says what keeps it from opening, and writes nothing", async () => {
    const events = (await h.events(EVENTS.opened)).length;
    const tryOpen = async (plan: Parameters<typeof draftConsultation>[2]) => {
      const { id } = await draftConsultation(h, staff.id, plan);
      const result = await openConsultationAs(h, staff, id);
      const row = await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { status: true, openedAt: true } }));
      expect(row).toEqual({ status: "DRAFT", openedAt: null });
      expect(await recipientKeys(h, id)).toEqual([]);
      return { status: result.status, message: (result.data as { formError?: string }).formError };
    };
    expect(await tryOpen({ questions: [] })).toEqual({ status: 400, message: "Add at least one question." });
    expect(await tryOpen({ deadline: null })).toMatchObject({ message: "Set a deadline." });
    expect(await tryOpen({ deadline: new Date(Date.now() - 60_000) })).toMatchObject({ message: "The deadline has passed: set one in the future." });
    expect(await tryOpen({ audienceKind: "PICKED" })).toMatchObject({ message: "No organisation is chosen: choose them under “Organisations”." });
    expect(await tryOpen({ audienceKind: "FILTERED" })).toMatchObject({ message: "The audience is filtered, but no region, sector or theme is ticked." });
    expect(await tryOpen({ audienceKind: "FILTERED", audienceRegions: ["Nowhere"] })).toMatchObject({ message: "No active organisation is in the audience." });
    expect(await tryOpen({ audienceKind: "PICKED", audienceOrganisationIds: [orgs[5]!.id], mode: "PERSON" })).toMatchObject({
      message: "The organisations in the audience have nobody on the portal to answer for themselves.",
    });
    expect(await tryOpen({ questions: [], deadline: null })).toMatchObject({ message: "Add at least one question. Set a deadline." });
    expect((await h.events(EVENTS.opened)).length).toBe(events);

    // The open page lists the same problems before anyone presses the button.
    const { id } = await draftConsultation(h, staff.id, { questions: [], audienceKind: "PICKED" });
    const page = await h.call(open.loader, { request: staff.request(h.path(`${id}/open`)), params: { consultationId: id } });
    expect(page.data?.problems).toEqual(["noQuestions", "noPicked"]);
  });

  it("opens once: a second press is refused and changes nothing", async () => {
    const { id } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[3]!.id] });
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    const again = await openConsultationAs(h, staff, id);
    expect(again.status).toBe(409);
    expect(await recipientKeys(h, id)).toEqual(orgKeys(3));
    expect((await h.events(EVENTS.opened)).filter((e) => (e.payload as { consultationId: string }).consultationId === id)).toHaveLength(1);
  });

  it("with an opening time ahead: SCHEDULED, nobody asked yet; at that time the job's call opens it the same way", async () => {
    const opensAt = new Date(Date.now() + 3_600_000);
    const { id } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[7]!.id], opensAt });
    const result = await openConsultationAs(h, staff, id);
    expect(result.headers.get("Location")).toBe(h.path(`${id}/edit?scheduled=1`));
    expect(await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { status: true } }))).toEqual({ status: "SCHEDULED" });
    expect(await recipientKeys(h, id)).toEqual([]);

    const emitted: [string, Record<string, unknown>][] = [];
    const emit = async (type: string, payload: Record<string, unknown>) => (emitted.push([type, payload]), "event-id");
    const early = await h.db((db) => openConsultation({ db, tenantId: h.tenant.id, emit }, id, new Date(opensAt.getTime() - 1000)));
    expect(early).toEqual({ opened: "SCHEDULED", recipients: 0 });
    const due = await h.db((db) => openConsultation({ db, tenantId: h.tenant.id, emit }, id, new Date(opensAt.getTime() + 1000)));
    expect(due).toEqual({ opened: "OPEN", recipients: 1 });
    expect(emitted).toEqual([[EVENTS.opened, { consultationId: id }]]);
    expect(await recipientKeys(h, id)).toEqual(orgKeys(7));
  });
});

describe("the opening email", () => {
  it("reaches every person of the organisations asked and the stakeholders, once, except who turned email off", async () => {
    const mailbox = await h.mailbox();
    await h.db((db) => db.membership.updateMany({ where: { userId: member1.id }, data: { emailUpdates: false } }));
    const title = "Royalties: the coalition's position";
    const { id } = await draftConsultation(h, staff.id, {
      title, purpose: "Agree what we ask the Senate.", audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id, orgs[1]!.id], includeStakeholders: true,
      deadline: new Date("2030-05-20T09:00:00Z"),
    });
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    const event = (await h.events(EVENTS.opened)).find((e) => (e.payload as { consultationId: string }).consultationId === id)!;
    const first = await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id });
    expect(first.outcome).toBe("ran");
    const subject = `Consultation: ${title}`;
    for (const person of [focal0, member0, stakeholder]) await mailbox.waitFor((m) => m.subject === subject && m.to.includes(person.email));
    const message = mailbox.messages().find((m) => m.subject === subject && m.to.includes(focal0.email))!;
    expect(message.text).toContain("Agree what we ask the Senate.");
    expect(message.text).toContain("Answers are accepted until May 20, 2030, 09:00 GMT+0.");
    expect(message.text).toContain(`/c/${h.tenant.slug}/consultations/${id}`);

    const again = await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id });
    expect(again.outcome).toBe("already-ran");
    const received = (p: HarnessPerson) => mailbox.messages().filter((m) => m.subject === subject && m.to.includes(p.email)).length;
    expect([received(focal0), received(member0), received(stakeholder), received(member1), received(staff)]).toEqual([1, 1, 1, 0, 0]);
    await mailbox.close();
  });
});
