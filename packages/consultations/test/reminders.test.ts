import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineModuleServer } from "@commons/plugin-sdk/server";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type Mailbox, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import server from "../server.ts";
import { createConsultation, orgKey, organisationIdOf, respond, userKey } from "./follow-fixtures.ts";

useTestDatabase();

const HOUR = 3_600_000;
const REMINDER_DUE = "consultations.reminder_due";
/** The consultation's deadline: noon UTC on 10 May 2027. */
const deadline = new Date("2027-05-10T12:00:00Z");
const at = (hoursBefore: number, minutesAfter = 0) => new Date(deadline.getTime() - hoursBefore * HOUR + minutesAfter * 60_000);

let h: PluginHarness;
let mailbox: Mailbox;
let admin: HarnessPerson;
let focalA: HarnessPerson;
let colleagueA: HarnessPerson;
let focalB: HarnessPerson;
let onlyMemberC: HarnessPerson;
let focalD: HarnessPerson;
let stakeholder: HarnessPerson;
let consultationId: string;

const subject = (title: string) => (m: { subject: string }) => m.subject.startsWith(`Reminder: \u201C${title}\u201D`);
const received = (person: HarnessPerson, title: string) => mailbox.messages().filter((m) => subject(title)(m) && m.to.includes(person.email)).length;

async function dispatchAll(type: string) {
  for (const e of await h.events(type)) await h.dispatch(e.type, e.payload as Record<string, unknown>, { eventId: e.id });
}

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  mailbox = await h.mailbox();
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  focalA = await h.person({ role: "FOCAL_POINT", organisation: "Bantay Mina" });
  colleagueA = await h.person({ role: "MEMBER", organisation: "Bantay Mina" });
  focalB = await h.person({ role: "FOCAL_POINT", organisation: "Kalikasan Watch" });
  onlyMemberC = await h.person({ role: "MEMBER", organisation: "Samahan ng Magsasaka" });
  focalD = await h.person({ role: "FOCAL_POINT", organisation: "Submitted Early" });
  stakeholder = await h.person({ role: "STAKEHOLDER", organisation: "Mining Company" });
  const [a, b, c, d] = await Promise.all(["Bantay Mina", "Kalikasan Watch", "Samahan ng Magsasaka", "Submitted Early"].map((n) => organisationIdOf(h, n)));
  ({ id: consultationId } = await createConsultation(h, {
    title: "Fiscal regime",
    deadline,
    openedAt: at(24 * 7),
    createdById: admin.id,
    recipients: [orgKey(a!), orgKey(b!), orgKey(c!), orgKey(d!), userKey(stakeholder.id)],
  }));
  await respond(h, consultationId, orgKey(b!), focalB.id, "DRAFT", {});
  await respond(h, consultationId, orgKey(d!), focalD.id, "SUBMITTED", {});
});
afterAll(() => h?.close());

describe("the tick job and its reminders", () => {
  it("is the server entry the manifest declares", () => {
    expect(defineModuleServer(consultations, server)).toBe(server);
    expect(consultations.jobs?.tick?.cron).toBe("*/10 * * * *");
  });

  it("issues nothing before 72 hours before the deadline", async () => {
    expect((await h.runJob("tick", { scheduledAt: at(72, -10) })).outcome).toBe("ran");
    expect(await h.events(REMINDER_DUE)).toHaveLength(0);
  });

  it("issues the 72-hour reminder once, however often the job runs", async () => {
    await h.runJob("tick", { scheduledAt: at(72, 5) });
    await h.runJob("tick", { scheduledAt: at(72, 5) });
    await h.runJob("tick", { scheduledAt: at(72, 15) });
    expect((await h.events(REMINDER_DUE)).map((e) => e.payload)).toEqual([{ consultationId, reminderKey: "auto:72" }]);
  });

  it("emails the focal points of those who have not submitted, the organisation's people when it has no focal point, and people asked themselves", async () => {
    await dispatchAll(REMINDER_DUE);
    for (const person of [focalA, focalB, onlyMemberC, stakeholder]) await mailbox.waitFor((m) => subject("Fiscal regime")(m) && m.to.includes(person.email));
    expect([focalA, colleagueA, focalB, onlyMemberC, focalD, stakeholder, admin].map((p) => received(p, "Fiscal regime"))).toEqual([1, 0, 1, 1, 0, 1, 0]);
    const message = mailbox.messages().find((m) => m.to.includes(focalA.email) && subject("Fiscal regime")(m))!;
    expect(message.subject).toContain("May 10, 2027");
    // Written as on the pages (formatWithZone): date, time and the coalition's zone.
    expect(message.text).toMatch(/The deadline is May 10, 2027, \d\d:\d\d GMT\+0\./);
    expect(message.text).toContain(`/consultations/${consultationId}`);
  });

  it("reminds nobody twice for the same reminder, even from a second event", async () => {
    const before = mailbox.messages().length;
    const [event] = await h.events(REMINDER_DUE);
    expect((await h.dispatch(event!.type, event!.payload as Record<string, unknown>, { eventId: event!.id })).outcome).toBe("already-ran");
    // A second event for the same reminder (a second copy emitted by a retried job): rows exist, nobody is emailed.
    expect((await h.dispatch(REMINDER_DUE, { consultationId, reminderKey: "auto:72" })).outcome).toBe("ran");
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox.messages().length).toBe(before);
    const rows = await h.db((db) => db.consultationsReminder.count({ where: { consultationId, reminderKey: "auto:72", respondentKey: { not: "*" } } }));
    expect(rows).toBe(4);
  });

  it("issues the 24-hour reminder, which reaches those who still have not submitted", async () => {
    const [, b] = await Promise.all(["Bantay Mina", "Kalikasan Watch"].map((n) => organisationIdOf(h, n)));
    // Kalikasan Watch submits between the two reminders.
    await h.db((db) => db.consultationsResponse.updateMany({ where: { consultationId, respondentKey: orgKey(b!) }, data: { status: "SUBMITTED", submittedAt: at(30), submittedById: focalB.id } }));
    await h.runJob("tick", { scheduledAt: at(24) });
    await h.runJob("tick", { scheduledAt: at(23, 50) });
    expect((await h.events(REMINDER_DUE)).map((e) => e.payload)).toEqual([
      { consultationId, reminderKey: "auto:72" },
      { consultationId, reminderKey: "auto:24" },
    ]);
    await dispatchAll(REMINDER_DUE);
    await mailbox.waitFor((m) => subject("Fiscal regime")(m) && m.to.includes(stakeholder.email) && received(stakeholder, "Fiscal regime") === 2);
    await mailbox.waitFor(() => received(focalA, "Fiscal regime") === 2 && received(onlyMemberC, "Fiscal regime") === 2);
    expect([focalA, colleagueA, focalB, onlyMemberC, focalD, stakeholder].map((p) => received(p, "Fiscal regime"))).toEqual([2, 0, 1, 2, 0, 2]);
  });

  it("does not close before the deadline, and closes at it", async () => {
    await h.runJob("tick", { scheduledAt: at(0, -1) });
    expect(await h.db((db) => db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { status: true } }))).toEqual({ status: "OPEN" });
    await h.runJob("tick", { scheduledAt: deadline });
    expect(await h.db((db) => db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { status: true, closedAt: true } }))).toEqual({ status: "CLOSED", closedAt: deadline });
  });

  it("skips a reminder whose time had passed before the consultation opened, and sends none once closed", async () => {
    const late = await createConsultation(h, { title: "Late opener", deadline: new Date("2027-06-10T12:00:00Z"), openedAt: new Date("2027-06-08T12:00:00Z"), createdById: admin.id, recipients: [userKey(stakeholder.id)] });
    await h.runJob("tick", { scheduledAt: new Date("2027-06-08T12:10:00Z") });
    const keys = (await h.events(REMINDER_DUE)).filter((e) => (e.payload as { consultationId: string }).consultationId === late.id).map((e) => (e.payload as { reminderKey: string }).reminderKey);
    expect(keys).toEqual([]);
    await h.runJob("tick", { scheduledAt: new Date("2027-06-09T12:00:00Z") });
    const after = (await h.events(REMINDER_DUE)).filter((e) => (e.payload as { consultationId: string }).consultationId === late.id);
    expect(after.map((e) => (e.payload as { reminderKey: string }).reminderKey)).toEqual(["auto:24"]);
    // Closed by hand before the event is handled: nobody is reminded of a consultation they can no longer answer.
    await h.db((db) => db.consultation.update({ where: { id: late.id }, data: { status: "CLOSED", closedAt: new Date("2027-06-09T12:05:00Z") }, select: { id: true } }));
    const before = received(stakeholder, "Late opener");
    await h.dispatch(after[0]!.type, after[0]!.payload as Record<string, unknown>, { eventId: after[0]!.id });
    expect(received(stakeholder, "Late opener")).toBe(before);
  });

  it("opens a scheduled consultation when its start has come, not before", async () => {
    const scheduled = await createConsultation(h, {
      title: "Scheduled",
      status: "SCHEDULED",
      opensAt: new Date("2027-07-01T08:00:00Z"),
      deadline: new Date("2027-07-20T12:00:00Z"),
      createdById: admin.id,
      questions: [{ kind: "SHORT_TEXT" }],
    });
    await h.runJob("tick", { scheduledAt: new Date("2027-07-01T07:50:00Z") });
    expect(await h.db((db) => db.consultation.findUniqueOrThrow({ where: { id: scheduled.id }, select: { status: true } }))).toEqual({ status: "SCHEDULED" });
    await h.runJob("tick", { scheduledAt: new Date("2027-07-01T08:00:00Z") });
    await h.runJob("tick", { scheduledAt: new Date("2027-07-01T08:10:00Z") });
    expect(await h.db((db) => db.consultation.findUniqueOrThrow({ where: { id: scheduled.id }, select: { status: true, openedAt: true } }))).toEqual({ status: "OPEN", openedAt: new Date("2027-07-01T08:00:00Z") });
    expect((await h.events("consultation.opened")).map((e) => e.payload)).toEqual([{ consultationId: scheduled.id }]);
    // The audience (every active organisation) was fixed when it opened.
    const asked = await h.db((db) => db.consultationsRecipient.findMany({ where: { consultationId: scheduled.id }, select: { respondentKey: true } }));
    expect(asked.map((r) => r.respondentKey)).toContain(orgKey(await organisationIdOf(h, "Bantay Mina")));
  });

  it("reminds nobody who can no longer answer: a suspended organisation, a person who left", async () => {
    const suspendedFocal = await h.person({ role: "FOCAL_POINT", organisation: "Suspended Org" });
    const suspended = await organisationIdOf(h, "Suspended Org");
    await h.db((db) => db.organisation.update({ where: { id: suspended }, data: { status: "SUSPENDED" }, select: { id: true } }));
    const gone = await h.person({ role: "MEMBER", organisation: "Bantay Mina" });
    await h.db((db) => db.membership.deleteMany({ where: { userId: gone.id } }));
    const { id } = await createConsultation(h, {
      title: "Only those who can answer",
      deadline: new Date(Date.now() + 5 * 86_400_000),
      openedAt: new Date(Date.now() - 86_400_000),
      createdById: admin.id,
      recipients: [orgKey(suspended), userKey(gone.id), userKey(stakeholder.id)],
    });
    await h.dispatch(REMINDER_DUE, { consultationId: id, reminderKey: `manual:${crypto.randomUUID()}` });
    await mailbox.waitFor((m) => subject("Only those who can answer")(m) && m.to.includes(stakeholder.email));
    expect([suspendedFocal, gone].map((p) => received(p, "Only those who can answer"))).toEqual([0, 0]);
    expect(await h.db((db) => db.consultationsReminder.count({ where: { consultationId: id } }))).toBe(1);
  });
});
