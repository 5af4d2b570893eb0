import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withAccount, withTenant } from "@commons/db";
import { ownerClient } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { recordEvent, recordModuleEvent } from "./outbox.server.ts";

useTestDatabase();

describe("recordEvent", () => {
  it("commits the event with the change it describes, through the app role", async () => {
    const email = `ada-${randomUUID()}@example.org`;
    const eventId = await withAccount(null, async (db) => {
      const user = await db.user.create({ data: { email, name: "Ada" } });
      return recordEvent(db, { type: "account.verification_requested", tenantId: null, payload: { userId: user.id } });
    });
    const row = await ownerClient().outboxEvent.findUniqueOrThrow({ where: { id: eventId } });
    const user = await ownerClient().user.findUniqueOrThrow({ where: { email } });
    expect(row).toMatchObject({ type: "account.verification_requested", tenantId: null, payload: { userId: user.id }, relayedAt: null });
  });

  it("rolls the event back with the change", async () => {
    const email = `bob-${randomUUID()}@example.org`;
    let eventId = "";
    await expect(
      withAccount(null, async (db) => {
        const user = await db.user.create({ data: { email, name: "Bob" } });
        eventId = await recordEvent(db, { type: "account.password_reset_requested", tenantId: null, payload: { userId: user.id } });
        throw new Error("the action failed after recording its event");
      }),
    ).rejects.toThrow("the action failed");
    expect(eventId).not.toBe("");
    expect(await ownerClient().outboxEvent.findUnique({ where: { id: eventId } })).toBeNull();
    expect(await ownerClient().user.findUnique({ where: { email } })).toBeNull();
  });

  it("records coalition events inside withTenant", async () => {
    const tenant = await ownerClient().tenant.create({ data: { slug: `t-${randomUUID().slice(0, 8)}`, name: "Water Coalition" } });
    const invitationId = randomUUID();
    const eventId = await withTenant(tenant.id, null, (db) =>
      recordEvent(db, { type: "invitation.created", tenantId: tenant.id, payload: { invitationId } }),
    );
    expect(await ownerClient().outboxEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ tenantId: tenant.id });
  });

  it("refuses an invalid payload or a missing tenant before writing anything", async () => {
    const before = await ownerClient().outboxEvent.count();
    await expect(
      withAccount(null, (db) =>
        // A payload from outside TypeScript (a plugin's JSON) must still be checked.
        recordEvent(db, { type: "account.verification_requested", tenantId: null, payload: JSON.parse('{"userId":"nope"}') }),
      ),
    ).rejects.toThrow();
    await expect(
      withAccount(null, (db) => recordEvent(db, { type: "invitation.created", tenantId: null, payload: { invitationId: randomUUID() } })),
    ).rejects.toThrow(/pass its tenantId/);
    expect(await ownerClient().outboxEvent.count()).toBe(before);
  });
});

describe("recordModuleEvent", () => {
  it("records a module's own event in the coalition's transaction", async () => {
    const tenant = await ownerClient().tenant.create({ data: { slug: `m-${randomUUID().slice(0, 8)}`, name: "Module Coalition" } });
    const eventId = await withTenant(tenant.id, null, (db) =>
      recordModuleEvent(db, { type: "taskforce.deliverable_published", tenantId: tenant.id, payload: { deliverableId: "d1" } }),
    );
    const row = await ownerClient().outboxEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(row).toMatchObject({ type: "taskforce.deliverable_published", tenantId: tenant.id, payload: { deliverableId: "d1" } });
  });

  it("refuses malformed names and the core's own events", async () => {
    const db = { outboxEvent: { createMany: async () => ({ count: 1 }) } };
    await expect(recordModuleEvent(db, { type: "Published", tenantId: randomUUID(), payload: {} })).rejects.toThrow(/not a module event name/);
    await expect(recordModuleEvent(db, { type: "person.joined", tenantId: randomUUID(), payload: {} })).rejects.toThrow(/core event/);
  });
});
