import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineModuleServer } from "@commons/plugin-sdk/server";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import { action, loader } from "../routes/people/status.tsx";
import server from "../server.ts";
import { EVENTS } from "../src/constants.ts";

useTestDatabase();
let h: PluginHarness;
beforeAll(async () => {
  h = await createPluginHarness(members);
});
afterAll(() => h?.close());

async function organisationOf(person: HarnessPerson, coalition: Pick<PluginHarness, "db"> = h): Promise<string> {
  const row = await coalition.db((db) => db.membership.findFirst({ where: { userId: person.id }, select: { organisationId: true } }));
  return row!.organisationId!;
}

const change = (actor: HarnessPerson, organisationId: string, form: Record<string, string>) =>
  h.call(action, { request: actor.request(h.path(`organisations/${organisationId}/status`), { form: { intent: "status", ...form } }), params: { organisationId } });

describe("membership status", () => {
  it("suspends an organisation with a reason: history row, status and date, activity, event — in one go", async () => {
    const staff = await h.person({ role: "SECRETARIAT_STAFF", name: "Ana Reyes" });
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Kalikasan Mindanao" });
    const organisationId = await organisationOf(focal);

    const before = await h.call(loader, { request: staff.request(h.path(`organisations/${organisationId}/status`)), params: { organisationId } });
    expect(before.status).toBe(200);
    expect(before.data?.organisation).toMatchObject({ status: "ACTIVE", canTakePart: true });
    expect(before.data?.transitions).toEqual(["SUSPENDED", "LEFT"]);

    const result = await change(staff, organisationId, { to: "SUSPENDED", reason: "Dues unpaid for two years." });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ ok: true, notice: "Kalikasan Mindanao is now Suspended." });

    const organisation = await h.db((db) => db.organisation.findFirst({ where: { id: organisationId }, select: { status: true, statusChangedAt: true } }));
    expect(organisation?.status).toBe("SUSPENDED");
    expect(Date.now() - organisation!.statusChangedAt.getTime()).toBeLessThan(60_000);
    const rows = await h.db((db) => db.membersStatusChange.findMany({ where: { organisationId }, select: { fromStatus: true, toStatus: true, reason: true, changedById: true } }));
    expect(rows).toEqual([{ fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: "Dues unpaid for two years.", changedById: staff.id }]);
    expect(await h.db((db) => db.activity.count({ where: { action: "members.organisation_status_changed", subjectId: organisationId, actorId: staff.id } }))).toBe(1);
    const events = await h.events(EVENTS.statusChanged);
    expect(events.at(-1)?.payload).toMatchObject({ organisationId, from: "ACTIVE", to: "SUSPENDED" });

    const after = await h.call(loader, { request: staff.request(h.path(`organisations/${organisationId}/status`)), params: { organisationId } });
    expect(after.data?.organisation).toMatchObject({ status: "SUSPENDED", canTakePart: false });
    expect(after.data?.transitions).toEqual(["ACTIVE", "LEFT"]);
    expect(after.data?.history).toEqual([expect.objectContaining({ from: "ACTIVE", to: "SUSPENDED", reason: "Dues unpaid for two years.", by: "Ana Reyes" })]);
  });

  it("needs a reason and an allowed transition; nothing is written otherwise", async () => {
    const staff = await h.person({ role: "SECRETARIAT_STAFF" });
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Bantay Bukid" });
    const organisationId = await organisationOf(focal);

    const noReason = await change(staff, organisationId, { to: "SUSPENDED", reason: "   " });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ form: "status", errors: { reason: "Enter the reason for this change." }, values: { to: "SUSPENDED" } });

    const backToApplied = await change(staff, organisationId, { to: "APPLIED", reason: "Test" });
    expect(backToApplied.status).toBe(400);
    expect(backToApplied.data).toMatchObject({ errors: { to: "An organisation cannot go from Active to Applied." }, values: { reason: "Test" } });

    const sameStatus = await change(staff, organisationId, { to: "ACTIVE", reason: "Test" });
    expect(sameStatus.status).toBe(400);
    const unknown = await change(staff, organisationId, { to: "BANNED", reason: "Test" });
    expect(unknown.data).toMatchObject({ errors: { to: "Choose the new status." } });

    expect(await h.db((db) => db.membersStatusChange.count({ where: { organisationId } }))).toBe(0);
    expect((await h.db((db) => db.organisation.findFirst({ where: { id: organisationId }, select: { status: true } })))?.status).toBe("ACTIVE");
  });

  it("is the secretariat's: members and focal points get 404, and another coalition's organisation is not there", async () => {
    const member = await h.person({ role: "MEMBER", organisation: "Samahan" });
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Samahan" });
    const organisationId = await organisationOf(member);
    for (const person of [member, focal]) {
      expect((await h.call(loader, { request: person.request(h.path(`organisations/${organisationId}/status`)), params: { organisationId } })).status).toBe(404);
      expect((await change(person, organisationId, { to: "LEFT", reason: "x" })).status).toBe(404);
    }
    const staff = await h.person({ role: "SECRETARIAT_STAFF" });
    const other = await h.otherTenant();
    const theirs = await other.person({ organisation: "Theirs" });
    const theirOrganisation = await organisationOf(theirs, other);
    expect((await h.call(loader, { request: staff.request(h.path(`organisations/${theirOrganisation}/status`)), params: { organisationId: theirOrganisation } })).status).toBe(404);
    expect((await change(staff, theirOrganisation, { to: "SUSPENDED", reason: "x" })).status).toBe(404);
    expect((await other.db((db) => db.organisation.findFirst({ where: { id: theirOrganisation }, select: { status: true } })))?.status).toBe("ACTIVE");
    expect((await change(staff, "../x", { to: "SUSPENDED", reason: "x" })).status).toBe(404);
  });

  it("emails the organisation's people (not those who turned email updates off), once per event", async () => {
    expect(() => defineModuleServer(members, server)).not.toThrow();
    const mailbox = await h.mailbox();
    const staff = await h.person({ role: "SECRETARIAT_STAFF" });
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Lumad Mindanaw", email: "focal@lumad.example" });
    const quiet = await h.person({ role: "MEMBER", organisation: "Lumad Mindanaw", email: "quiet@lumad.example" });
    const outsider = await h.person({ role: "MEMBER", organisation: "Someone else", email: "outsider@else.example" });
    await h.db((db) => db.membership.updateMany({ where: { userId: quiet.id }, data: { emailUpdates: false } }));
    const organisationId = await organisationOf(focal);

    expect((await change(staff, organisationId, { to: "SUSPENDED", reason: "Conflict of interest declared late." })).status).toBe(200);
    const event = (await h.events(EVENTS.statusChanged)).at(-1)!;
    // The subscriber is keyed by the manifest's name (see src/people/events.ts).
    const first = await h.dispatch(EVENTS.statusChanged, event.payload as Record<string, unknown>, { eventId: event.id });
    expect(first.outcome).toBe("ran");
    const message = await mailbox.waitFor((m) => m.to.includes("focal@lumad.example"));
    expect(message.subject).toBe("Lumad Mindanaw: membership now Suspended");
    expect(message.text).toContain("Your organisation's membership is now Suspended.");
    expect(message.text).toContain("Conflict of interest declared late.");
    expect(message.text).toContain(`/c/${h.tenant.slug}/members/me`);

    expect((await h.dispatch(EVENTS.statusChanged, event.payload as Record<string, unknown>, { eventId: event.id })).outcome).toBe("already-ran");
    const recipients = mailbox.messages().flatMap((m) => m.to);
    expect(recipients.filter((to) => to.includes("focal@lumad.example"))).toHaveLength(1);
    expect(recipients.some((to) => to.includes("quiet@lumad.example"))).toBe(false);
    expect(recipients.some((to) => to.includes(outsider.email))).toBe(false);
  });
});
