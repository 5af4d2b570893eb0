import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import { action as inviteAction, loader as inviteLoader } from "../routes/people/invite.tsx";
import { action as meAction, loader as meLoader } from "../routes/people/me.tsx";
import { loader as dataLoader } from "../routes/people/my-data.ts";

useTestDatabase();
let h: PluginHarness;
beforeAll(async () => {
  h = await createPluginHarness(members);
});
afterAll(() => h?.close());

async function organisationOf(person: HarnessPerson): Promise<string> {
  const row = await h.db((db) => db.membership.findFirst({ where: { userId: person.id }, select: { organisationId: true } }));
  return row!.organisationId!;
}

const invite = (actor: HarnessPerson, organisationId: string, form: Record<string, string>) =>
  h.call(inviteAction, { request: actor.request(h.path(`organisations/${organisationId}/invite`), { form }), params: { organisationId } });

describe("a focal point inviting colleagues", () => {
  it("invites into their own organisation, as a member; the worker is asked for the email", async () => {
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Tebtebba" });
    const organisationId = await organisationOf(focal);
    const result = await invite(focal, organisationId, { intent: "invite", email: " Colleague@Tebtebba.example " });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ ok: true, notice: "Invitation sent to colleague@tebtebba.example." });
    const invitation = await h.db((db) => db.invitation.findFirst({ where: { email: "colleague@tebtebba.example" }, select: { id: true, role: true, organisationId: true, invitedById: true } }));
    expect(invitation).toMatchObject({ role: "MEMBER", organisationId, invitedById: focal.id });
    const events = await h.events("invitation.created");
    expect(events.map((e) => e.payload)).toContainEqual({ invitationId: invitation!.id });

    const page = await h.call(inviteLoader, { request: focal.request(h.path(`organisations/${organisationId}/invite`)), params: { organisationId } });
    expect(page.data?.invitations).toEqual([expect.objectContaining({ email: "colleague@tebtebba.example", state: "pending" })]);

    const again = await invite(focal, organisationId, { intent: "invite", email: "colleague@tebtebba.example" });
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ errors: { email: expect.stringContaining("already has an open invitation") } });
    const bad = await invite(focal, organisationId, { intent: "invite", email: "not an email" });
    expect(bad.data).toMatchObject({ errors: { email: "Enter an email address like name@example.org." }, values: { email: "not an email" } });
    const member = await invite(focal, organisationId, { intent: "invite", email: focal.email });
    expect(member.data).toMatchObject({ errors: { email: "This person is already a member of the coalition." } });
  });

  it("is a 404 for another organisation, for members, and for another coalition's organisation", async () => {
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "PAFID" });
    const colleague = await h.person({ role: "MEMBER", organisation: "PAFID" });
    const otherFocal = await h.person({ role: "FOCAL_POINT", organisation: "LRC-KsK" });
    const own = await organisationOf(focal);
    const another = await organisationOf(otherFocal);
    expect((await invite(focal, another, { intent: "invite", email: "x@example.test" })).status).toBe(404);
    expect((await h.call(inviteLoader, { request: focal.request(h.path(`organisations/${another}/invite`)), params: { organisationId: another } })).status).toBe(404);
    expect((await invite(colleague, own, { intent: "invite", email: "x@example.test" })).status).toBe(404);

    const other = await h.otherTenant();
    const theirFocal = await other.person({ role: "FOCAL_POINT", organisation: "Theirs" });
    expect((await invite(theirFocal, own, { intent: "invite", email: "x@example.test" })).status).toBe(404);
    expect(await h.db((db) => db.invitation.count({ where: { email: "x@example.test" } }))).toBe(0);
  });

  it("revokes and resends: a resend forgets the old link, renews the lifetime and asks for a new email", async () => {
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Kaisahan" });
    const organisationId = await organisationOf(focal);
    await invite(focal, organisationId, { intent: "invite", email: "late@kaisahan.example" });
    const invitation = (await h.db((db) => db.invitation.findFirst({ where: { email: "late@kaisahan.example" }, select: { id: true } })))!;
    // As if the worker had sent it and it had then expired.
    await h.db((db) => db.invitation.update({ where: { id: invitation.id }, data: { tokenHash: "old-token-hash", expiresAt: new Date(Date.now() - 1000) } }));
    const listed = await h.call(inviteLoader, { request: focal.request(h.path(`organisations/${organisationId}/invite`)), params: { organisationId } });
    expect(listed.data?.invitations.find((i) => i.id === invitation.id)?.state).toBe("expired");

    const before = (await h.events("invitation.created")).length;
    const resent = await invite(focal, organisationId, { intent: "resend", invitationId: invitation.id });
    expect(resent.status).toBe(200);
    const renewed = await h.db((db) => db.invitation.findFirst({ where: { id: invitation.id }, select: { tokenHash: true, expiresAt: true } }));
    expect(renewed?.tokenHash).toBeNull();
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
    expect((await h.events("invitation.created")).length).toBe(before + 1);

    expect((await invite(focal, organisationId, { intent: "revoke", invitationId: invitation.id })).status).toBe(200);
    expect((await h.db((db) => db.invitation.findFirst({ where: { id: invitation.id }, select: { revokedAt: true } })))?.revokedAt).not.toBeNull();
    const twice = await invite(focal, organisationId, { intent: "resend", invitationId: invitation.id });
    expect(twice.status).toBe(409);

    // Another organisation's invitation, through this focal point's page: not there.
    const otherFocal = await h.person({ role: "FOCAL_POINT", organisation: "Elsewhere Inc" });
    const elsewhere = await organisationOf(otherFocal);
    await invite(otherFocal, elsewhere, { intent: "invite", email: "theirs@elsewhere.example" });
    const theirs = (await h.db((db) => db.invitation.findFirst({ where: { email: "theirs@elsewhere.example" }, select: { id: true } })))!;
    expect((await invite(focal, organisationId, { intent: "revoke", invitationId: theirs.id })).status).toBe(404);
    expect((await invite(focal, organisationId, { intent: "revoke", invitationId: "nope" })).status).toBe(404);
  });
});

const me = (person: HarnessPerson, form: Record<string, string>, coalition: PluginHarness = h) => coalition.call(meAction, { request: person.request(coalition.path("me"), { form }) });

describe("your membership", () => {
  it("is there for everyone in the coalition, stakeholders too, and nobody else", async () => {
    const stakeholder = await h.person({ role: "STAKEHOLDER" });
    expect((await h.call(meLoader, { request: stakeholder.request(h.path("me")) })).status).toBe(200);
    const outsider = await h.person({ role: null });
    expect((await h.call(meLoader, { request: outsider.request(h.path("me")) })).status).toBe(404);
  });

  it("edits name, title and phone; bad input is kept and explained; nothing half-written", async () => {
    const person = await h.person({ role: "MEMBER", organisation: "Legal Rights Center", name: "Old Name" });
    const bad = await me(person, { intent: "profile", name: "New Name", title: "Coordinator", phone: "call me maybe" });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { phone: expect.stringContaining("phone number") }, values: { name: "New Name", title: "Coordinator", phone: "call me maybe" } });
    expect((await h.db((db) => db.user.findUnique({ where: { id: person.id }, select: { name: true } })))?.name).toBe("Old Name");
    const noName = await me(person, { intent: "profile", name: " ", title: "", phone: "" });
    expect(noName.data).toMatchObject({ errors: { name: "Enter your full name." } });

    const ok = await me(person, { intent: "profile", name: "Ma. Cecilia Santos", title: "Programme coordinator", phone: "+63 917 555 0101" });
    expect(ok.status).toBe(200);
    const page = await h.call(meLoader, { request: person.request(h.path("me")) });
    expect(page.data?.profile).toMatchObject({ name: "Ma. Cecilia Santos", title: "Programme coordinator", phone: "+63 917 555 0101" });
  });

  it("turns email updates off and on", async () => {
    const person = await h.person({ role: "MEMBER" });
    expect((await me(person, { intent: "preferences" })).data).toMatchObject({ ok: true, notice: expect.stringContaining("no longer") });
    expect((await h.db((db) => db.membership.findFirst({ where: { userId: person.id }, select: { emailUpdates: true } })))?.emailUpdates).toBe(false);
    await me(person, { intent: "preferences", emailUpdates: "on" });
    expect((await h.db((db) => db.membership.findFirst({ where: { userId: person.id }, select: { emailUpdates: true } })))?.emailUpdates).toBe(true);
  });

  it("leaves after confirming; the last secretariat admin cannot", async () => {
    const h2 = await createPluginHarness(members);
    const admin = await h2.person({ role: "SECRETARIAT_ADMIN" });
    const member = await h2.person({ role: "MEMBER" });
    expect((await me(member, { intent: "leave" }, h2)).status).toBe(400);
    const refused = await me(admin, { intent: "leave", confirm: "yes" }, h2);
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ formError: expect.stringContaining("only secretariat admin") });
    expect(await h2.db((db) => db.membership.count({ where: { userId: admin.id } }))).toBe(1);

    const left = await me(member, { intent: "leave", confirm: "yes" }, h2);
    expect(left.status).toBe(302);
    expect(await h2.db((db) => db.membership.count({ where: { userId: member.id } }))).toBe(0);
    expect(await h2.db((db) => db.activity.count({ where: { action: "members.person_left", actorId: member.id } }))).toBe(1);
    expect((await h2.call(meLoader, { request: member.request(h2.path("me")) })).status).toBe(404);
  });

  it("downloads their own data as a JSON attachment: no password hash, nothing about others beyond names", async () => {
    const person = await h.person({ role: "FOCAL_POINT", organisation: "Data Org", name: "Dana Datos", email: "dana@data.example" });
    await h.db((db) => db.user.update({ where: { id: person.id }, data: { passwordHash: "$argon2id$secret" } }));
    const organisationId = await organisationOf(person);
    await invite(person, organisationId, { intent: "invite", email: "someone.else@data.example" });
    const inviter = await h.person({ role: "SECRETARIAT_ADMIN", name: "Ines Inviter" });
    await h.db((db) => db.invitation.create({ data: { tenantId: h.tenant.id, email: "dana@data.example", role: "MEMBER", invitedById: inviter.id, expiresAt: new Date() } }));
    const other = await h.otherTenant();
    await other.db((db) => db.invitation.create({ data: { tenantId: other.tenant.id, email: "dana@data.example", role: "MEMBER", expiresAt: new Date() } }));

    const result = await h.call(dataLoader, { request: person.request(h.path("me/data.json")) });
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Disposition")).toBe(`attachment; filename="commons-${h.tenant.slug}-my-data.json"`);
    expect(result.headers.get("Content-Type")).toContain("application/json");
    const body = result.body ?? "";
    const data = JSON.parse(body);
    expect(data.account).toMatchObject({ email: "dana@data.example", name: "Dana Datos" });
    expect(body).not.toContain("argon2");
    expect(body).not.toContain("passwordHash");
    expect(data.membership).toMatchObject({ role: "FOCAL_POINT", organisation: { name: "Data Org" } });
    expect(data.activity.map((a: { action: string }) => a.action)).toContain("member.invited");
    expect(body).not.toContain("someone.else@data.example");
    expect(data.invitations).toEqual([expect.objectContaining({ role: "MEMBER", invitedBy: "Ines Inviter" })]);
    expect(body).not.toContain(inviter.email);

    const outsider = await h.person({ role: null });
    expect((await h.call(dataLoader, { request: outsider.request(h.path("me/data.json")) })).status).toBe(404);
  });
});
