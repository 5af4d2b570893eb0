import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import { seedModules, type SubscriberLog } from "@commons/plugin-sdk/server";
import taskforce from "../manifest.ts";
import * as list from "../routes/taskforces.tsx";
import * as deliverablePage from "../routes/deliverable.tsx";

useTestDatabase();

const log: SubscriberLog = { info: () => undefined, warn: () => undefined };

/** Everything the seed wrote in a coalition, for the checks below. */
function seeded(h: PluginHarness) {
  return h.db(async (db) => ({
    taskforces: await db.taskforce.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, mandate: true, leadUserId: true, members: { select: { userId: true } }, meetingNotes: { select: { title: true, authorUserId: true } } },
    }),
    deliverables: await db.taskforceDeliverable.findMany({
      select: {
        id: true,
        taskforceId: true,
        status: true,
        output: true,
        publishedAt: true,
        raci: { select: { role: true, userId: true, organisationId: true } },
        tasks: { select: { status: true, assigneeUserId: true } },
      },
    }),
  }));
}

/** The rules the taskforce pages keep, checked on what the seed wrote. */
async function expectConsistent(h: PluginHarness) {
  const { taskforces, deliverables } = await seeded(h);
  const membersOf = new Map(taskforces.map((tf) => [tf.id, new Set(tf.members.map((m) => m.userId))]));
  for (const tf of taskforces) expect(membersOf.get(tf.id)!.has(tf.leadUserId)).toBe(true);
  for (const d of deliverables) {
    const members = membersOf.get(d.taskforceId)!;
    expect(d.raci.filter((r) => r.role === "A")).toHaveLength(1);
    for (const r of d.raci) {
      expect(!!r.userId !== !!r.organisationId).toBe(true);
      if (r.userId) expect(members.has(r.userId)).toBe(true);
    }
    for (const task of d.tasks) if (task.assigneeUserId) expect(members.has(task.assigneeUserId)).toBe(true);
  }
  return { taskforces, deliverables };
}

describe("the demo seed", () => {
  let h: PluginHarness;
  let admin: HarnessPerson;
  let staff: HarnessPerson;
  let focalPoints: HarnessPerson[];
  let members: HarnessPerson[];
  let stakeholder: HarnessPerson;

  beforeAll(async () => {
    // Off, as a coalition is before the seed switches the plugin on.
    h = await createPluginHarness(taskforce, { enabled: false });
    admin = await h.person({ role: "SECRETARIAT_ADMIN", name: "Amina Reyes" });
    staff = await h.person({ role: "SECRETARIAT_STAFF", name: "Jerome Villanueva" });
    focalPoints = [
      await h.person({ role: "FOCAL_POINT", name: "Rosalinda Bautista", organisation: "Bantay Kita Foundation" }),
      await h.person({ role: "FOCAL_POINT", name: "Eduardo Magbanua", organisation: "Sagip Ilog Network" }),
      await h.person({ role: "FOCAL_POINT", name: "Liza Dumalagan", organisation: "Caraga Watershed Alliance" }),
    ];
    members = [
      await h.person({ role: "MEMBER", name: "Carmela Ocampo", organisation: "Bantay Kita Foundation" }),
      await h.person({ role: "MEMBER", name: "Noel Baluyot", organisation: "Palawan Budget Watch" }),
    ];
    stakeholder = await h.person({ role: "STAKEHOLDER", name: "Teresa Lim", organisation: "Northern Ridge Nickel" });
  });

  afterAll(() => h?.close());

  it("switches the plugin on and writes two taskforces, the first time only", async () => {
    expect(await seedModules([taskforce], [h.tenant.id], log)).toEqual([{ module: "taskforce", tenantId: h.tenant.id, outcome: "seeded" }]);
    expect(await seedModules([taskforce], [h.tenant.id], log)).toEqual([{ module: "taskforce", tenantId: h.tenant.id, outcome: "already-there" }]);
    const { taskforces } = await seeded(h);
    expect(taskforces.map((tf) => tf.name)).toEqual(["Beneficial ownership disclosure taskforce", "Community monitoring of mine rehabilitation funds"]);
  });

  it("has the secretariat lead, focal points and members in the taskforces, and no stakeholder", async () => {
    const { taskforces } = await expectConsistent(h);
    expect(taskforces.map((tf) => tf.leadUserId).sort()).toEqual([admin.id, staff.id].sort());
    const inTaskforces = new Set(taskforces.flatMap((tf) => tf.members.map((m) => m.userId)));
    for (const person of [...focalPoints, ...members]) expect(inTaskforces.has(person.id)).toBe(true);
    expect(inTaskforces.has(stakeholder.id)).toBe(false);
    for (const tf of taskforces) {
      expect(tf.mandate.length).toBeGreaterThan(100);
      expect(tf.members.length).toBeGreaterThan(2);
      expect(tf.meetingNotes.length).toBeGreaterThan(0);
      expect(tf.meetingNotes.every((n) => n.authorUserId === tf.leadUserId)).toBe(true);
    }
  });

  it("gives deliverables a RACI matrix with people and organisations, tasks in every column, and one published output", async () => {
    const { deliverables } = await seeded(h);
    expect(deliverables.length).toBeGreaterThanOrEqual(4);
    expect(deliverables.some((d) => d.raci.some((r) => r.organisationId))).toBe(true);
    expect(deliverables.some((d) => d.raci.some((r) => r.role === "A" && r.organisationId))).toBe(true);
    expect(new Set(deliverables.flatMap((d) => d.tasks.map((t) => t.status)))).toEqual(new Set(["TODO", "DOING", "DONE"]));
    expect(new Set(deliverables.map((d) => d.status)).size).toBeGreaterThanOrEqual(3);
    const published = deliverables.filter((d) => d.publishedAt);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ status: "DONE", output: expect.stringContaining("beneficial ownership") });
  });

  it("shows on the plugin's pages as anything made through them would", async () => {
    const page = await h.call(list.loader, { request: focalPoints[0]!.request(h.path()) });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ taskforces: [{}, {}], published: [{ title: "Summary of the consultation with industry and government" }] });
    const { deliverables } = await seeded(h);
    const withOrganisation = deliverables.find((d) => d.raci.some((r) => r.organisationId))!;
    const view = await h.call(deliverablePage.loader, { request: admin.request(h.path(`deliverables/${withOrganisation.id}`)), params: { deliverableId: withOrganisation.id } });
    expect(view.status).toBe(200);
    expect((view.data as { raci: { kind: string }[] }).raci.map((r) => r.kind)).toContain("organisation");
  });
});

describe("the demo seed in a small coalition", () => {
  it("works with one person and no organisations: that person leads and is Accountable", async () => {
    const h = await createPluginHarness(taskforce, { enabled: false });
    const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
    expect((await seedModules([taskforce], [h.tenant.id], log))[0]!.outcome).toBe("seeded");
    const { taskforces, deliverables } = await expectConsistent(h);
    expect(taskforces.map((tf) => tf.leadUserId)).toEqual([admin.id, admin.id]);
    expect(deliverables.flatMap((d) => d.raci)).toContainEqual({ role: "A", userId: admin.id, organisationId: null });
    expect(deliverables.flatMap((d) => d.raci).every((r) => r.userId === admin.id)).toBe(true);
  });

  it("writes nothing where nobody may see taskforces, and does not fail", async () => {
    const h = await createPluginHarness(taskforce, { enabled: false });
    await h.person({ role: "STAKEHOLDER", organisation: "A mining company" });
    expect((await seedModules([taskforce], [h.tenant.id], log))[0]!.outcome).toBe("seeded");
    expect((await seeded(h)).taskforces).toEqual([]);
  });
});
