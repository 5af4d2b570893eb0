import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import taskforce from "../manifest.ts";
import * as list from "../routes/taskforces.tsx";
import * as page from "../routes/taskforce.tsx";
import * as deliverablePage from "../routes/deliverable.tsx";

useTestDatabase();

const DUE_SOON = "taskforce.deliverable_due_soon";
/** The cron tick of the runs below: 06:00 UTC on 10 May 2027. */
const tick = new Date("2027-05-10T06:00:00Z");

let h: PluginHarness;
let mailbox: Awaited<ReturnType<PluginHarness["mailbox"]>>;
let admin: HarnessPerson;
let lead: HarnessPerson;
let responsible: HarnessPerson;
let colleague: HarnessPerson;
let colleagueStakeholder: HarnessPerson;
let consulted: HarnessPerson;
let informed: HarnessPerson;
const ids: Record<string, string> = {};

function post(person: HarnessPerson, action: (args: never) => unknown, sub: string, params: Record<string, string>, form: Record<string, string>) {
  return h.call(action as never, { request: person.request(h.path(sub), { form }), params });
}

async function createTaskforce(name: string): Promise<string> {
  const created = await post(admin, list.action, "", {}, { intent: "create", name, mandate: "Follow the money.", leadEmail: lead.email });
  expect(created.status).toBe(302);
  return created.headers.get("Location")!.split("/").at(-1)!;
}

async function addDeliverable(taskforceId: string, title: string, dueDate: string): Promise<string> {
  const added = await post(lead, page.action, taskforceId, { taskforceId }, { intent: "addDeliverable", title, dueDate });
  expect(added.data).toMatchObject({ ok: true });
  const { id } = await h.db((db) => db.taskforceDeliverable.findFirstOrThrow({ where: { taskforceId, title }, select: { id: true } }));
  ids[title] = id;
  return id;
}

const dueSoonPayloads = async () => (await h.events(DUE_SOON)).map((e) => e.payload);
const received = (person: HarnessPerson, subject: string) => mailbox.messages().filter((m) => m.subject === subject && m.to.includes(person.email)).length;
const moveDueDate = (title: string, dueDate: string) =>
  h.db((db) => db.taskforceDeliverable.update({ where: { id: ids[title] }, data: { dueDate: new Date(`${dueDate}T00:00:00Z`) }, select: { id: true } }));

beforeAll(async () => {
  h = await createPluginHarness(taskforce);
  mailbox = await h.mailbox();
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  lead = await h.person({ role: "MEMBER", name: "Lorna Lead" });
  responsible = await h.person({ role: "FOCAL_POINT", name: "Rey Responsible" });
  colleague = await h.person({ role: "MEMBER", name: "Cora Colleague", organisation: "Bantay Mina" });
  colleagueStakeholder = await h.person({ role: "STAKEHOLDER", organisation: "Bantay Mina" });
  consulted = await h.person({ role: "MEMBER", name: "Cesar Consulted" });
  informed = await h.person({ role: "MEMBER", name: "Ines Informed" });

  const taskforceId = await createTaskforce("Rehabilitation funds");
  for (const person of [responsible, consulted, informed]) {
    expect((await post(admin, page.action, taskforceId, { taskforceId }, { intent: "addMember", email: person.email })).data).toMatchObject({ ok: true });
  }
  await addDeliverable(taskforceId, "Toolkit", "2027-05-12");
  await addDeliverable(taskforceId, "Edge", "2027-05-13");
  await addDeliverable(taskforceId, "Later", "2027-05-14");
  await addDeliverable(taskforceId, "Overdue", "2027-05-09");
  const done = await addDeliverable(taskforceId, "Finished", "2027-05-11");
  expect((await post(lead, deliverablePage.action, `deliverables/${done}`, { deliverableId: done }, { intent: "deliverableStatus", status: "DONE" })).data).toMatchObject({ ok: true });

  const bantay = (await h.db((db) => db.organisation.findFirstOrThrow({ where: { name: "Bantay Mina" }, select: { id: true } }))).id;
  const raci = await post(lead, deliverablePage.action, `deliverables/${ids.Toolkit}`, { deliverableId: ids.Toolkit! }, {
    intent: "raci",
    [`role:${lead.id}`]: "A",
    [`role:${responsible.id}`]: "R",
    [`role:${consulted.id}`]: "C",
    [`role:${informed.id}`]: "I",
    "organisation:0": bantay,
    "organisationRole:0": "R",
  });
  expect(raci.data).toMatchObject({ ok: true });

  // A closed taskforce's deliverables are not reminded: nothing can change there.
  const closedId = await createTaskforce("Closed one");
  await addDeliverable(closedId, "Shelved", "2027-05-12");
  expect((await post(admin, page.action, closedId, { taskforceId: closedId }, { intent: "status" })).data).toMatchObject({ ok: true });
});

afterAll(() => h?.close());

describe("the due-soon job", () => {
  it("records one event per deliverable due within reminderDaysBefore (default 3), not for done, later, overdue or closed ones", async () => {
    const run = await h.runJob("due-soon", { scheduledAt: tick });
    expect(run.outcome).toBe("ran");
    expect(await dueSoonPayloads()).toEqual([
      { deliverableId: ids.Toolkit, dueDate: "2027-05-12", days: 2 },
      { deliverableId: ids.Edge, dueDate: "2027-05-13", days: 3 },
    ]);
  });

  it("emails the people Responsible and Accountable, and those of an organisation holding R, once each", async () => {
    const event = (await h.events(DUE_SOON)).find((e) => (e.payload as { deliverableId: string }).deliverableId === ids.Toolkit)!;
    const subject = "“Toolkit” is due in 2 days";
    expect((await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id })).outcome).toBe("ran");
    for (const person of [lead, responsible, colleague]) await mailbox.waitFor((m) => m.subject === subject && m.to.includes(person.email));
    const message = mailbox.messages().find((m) => m.subject === subject)!;
    expect(message.text).toContain("is due on 2027-05-12 (in 2 days)");
    expect(message.text).toContain(`/c/${h.tenant.slug}/taskforce/deliverables/${ids.Toolkit}`);

    expect((await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id })).outcome).toBe("already-ran");
    expect([lead, responsible, colleague, colleagueStakeholder, consulted, informed].map((p) => received(p, subject))).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it("records nothing new when it runs again the same day", async () => {
    for (const scheduledAt of [tick, new Date(tick.getTime() + 3_600_000)]) {
      expect((await h.runJob("due-soon", { scheduledAt })).outcome).toBe("ran");
    }
    expect(await dueSoonPayloads()).toHaveLength(2);
  });

  it("reminds again once the due date moves, for the new date only", async () => {
    await moveDueDate("Toolkit", "2027-05-11");
    await h.runJob("due-soon", { scheduledAt: tick });
    await h.runJob("due-soon", { scheduledAt: tick });
    const payloads = await dueSoonPayloads();
    expect(payloads).toHaveLength(3);
    expect(payloads.at(-1)).toEqual({ deliverableId: ids.Toolkit, dueDate: "2027-05-11", days: 1 });

    const event = (await h.events(DUE_SOON)).at(-1)!;
    await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id });
    await mailbox.waitFor((m) => m.subject === "“Toolkit” is due tomorrow" && m.to.includes(responsible.email));
  });

  it("sends nothing for a reminder whose deliverable has since moved or been done", async () => {
    const [stale] = await h.events(DUE_SOON);
    const before = mailbox.messages().length;
    // The first reminder was for 2027-05-12; the deliverable is now due on the 11th.
    expect((await h.dispatch(stale!.type, stale!.payload as Record<string, unknown>)).outcome).toBe("ran");
    await h.db((db) => db.taskforceDeliverable.update({ where: { id: ids.Edge }, data: { status: "DONE" }, select: { id: true } }));
    const edge = (await h.events(DUE_SOON))[1]!;
    expect((await h.dispatch(edge.type, edge.payload as Record<string, unknown>)).outcome).toBe("ran");
    expect(mailbox.messages().length).toBe(before);
  });

  it("records nothing while the coalition has set reminderDaysBefore to 0", async () => {
    await h.configure({ settings: { reminderDaysBefore: 0 } });
    try {
      await moveDueDate("Later", "2027-05-10");
      expect((await h.runJob("due-soon", { scheduledAt: tick })).outcome).toBe("ran");
      expect(await dueSoonPayloads()).toHaveLength(3);
    } finally {
      await h.configure({ settings: {} });
    }
  });

  it("does not run, nor email, while the plugin is switched off", async () => {
    await h.configure({ enabled: false });
    try {
      expect((await h.runJob("due-soon", { scheduledAt: tick })).outcome).toBe("module-off");
      expect(await dueSoonPayloads()).toHaveLength(3);
      const event = (await h.events(DUE_SOON)).at(-1)!;
      expect((await h.dispatch(event.type, event.payload as Record<string, unknown>)).outcome).toBe("module-off");
    } finally {
      await h.configure({ enabled: true });
    }
    // Switched on again, the deliverable moved meanwhile is reminded at the next run.
    await h.runJob("due-soon", { scheduledAt: tick });
    expect((await dueSoonPayloads()).at(-1)).toEqual({ deliverableId: ids.Later, dueDate: "2027-05-10", days: 0 });
  });
});
