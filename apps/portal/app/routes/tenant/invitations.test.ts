import { afterAll, beforeAll, describe, expect, it } from "vitest";
import members from "@commons/members";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import { issueInvitationToken } from "@commons/auth";
import { action, loader } from "./invitations.tsx";
import { action as joinAction } from "./join.tsx";

// The members module is core, so its harness gives a coalition, people with real sessions
// and calls as the portal makes them; the page under test is the portal's own.
useTestDatabase();
let h: PluginHarness;
beforeAll(async () => {
  h = await createPluginHarness(members);
});
afterAll(() => h?.close());

type Fn = Parameters<PluginHarness["call"]>[0];
const page = (person: HarnessPerson, query = "") => h.call(loader as unknown as Fn, { request: person.request(`/c/${h.tenant.slug}/admin/invitations${query}`) });
const post = (person: HarnessPerson, form: Record<string, string>) =>
  h.call(action as unknown as Fn, { request: person.request(`/c/${h.tenant.slug}/admin/invitations`, { form }) });
const invitation = (email: string) =>
  h.db((db) => db.invitation.findFirst({ where: { email }, select: { id: true, role: true, organisationId: true, tokenHash: true, expiresAt: true, revokedAt: true } }));
const organisationOf = async (person: HarnessPerson) =>
  (await h.db((db) => db.membership.findFirst({ where: { userId: person.id }, select: { organisationId: true } })))!.organisationId!;

describe("the invitations page", () => {
  it("invites into a chosen organisation; focal points need one", async () => {
    const staff = await h.person({ role: "SECRETARIAT_STAFF" });
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Philippine Misereor Partnership" });
    const organisationId = await organisationOf(focal);

    const listed = await page(staff);
    expect(listed.status).toBe(200);
    expect((listed.data as { organisations: { id: string }[] }).organisations.map((o) => o.id)).toContain(organisationId);

    const missing = await post(staff, { intent: "invite", email: "new.focal@pmp.example", role: "FOCAL_POINT", organisationId: "" });
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({ errors: { organisationId: expect.stringContaining("Choose the organisation") }, values: { email: "new.focal@pmp.example" } });

    const ok = await post(staff, { intent: "invite", email: "new.focal@pmp.example", role: "FOCAL_POINT", organisationId });
    expect(ok.status).toBe(200);
    expect(await invitation("new.focal@pmp.example")).toMatchObject({ role: "FOCAL_POINT", organisationId });

    // A stakeholder needs none; another coalition's organisation is not there.
    expect((await post(staff, { intent: "invite", email: "journalist@news.example", role: "STAKEHOLDER" })).status).toBe(200);
    const other = await h.otherTenant();
    const theirs = await other.person({ organisation: "Theirs" });
    const theirOrganisation = (await other.db((db) => db.membership.findFirst({ where: { userId: theirs.id }, select: { organisationId: true } })))!.organisationId!;
    expect((await post(staff, { intent: "invite", email: "sneaky@example.test", role: "MEMBER", organisationId: theirOrganisation })).status).toBe(404);
    expect(await invitation("sneaky@example.test")).toBeNull();
  });

  it("resends (old link forgotten, new lifetime, a new email asked for) and revokes", async () => {
    const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
    await post(admin, { intent: "invite", email: "slow@reader.example", role: "SECRETARIAT_STAFF" });
    const sent = (await invitation("slow@reader.example"))!;
    await h.db((db) => db.invitation.update({ where: { id: sent.id }, data: { tokenHash: "the-old-link", expiresAt: new Date(Date.now() - 60_000) } }));
    const expired = await page(admin);
    expect((expired.data as { invitations: { id: string; status: string }[] }).invitations.find((i) => i.id === sent.id)?.status).toBe("expired");

    const before = (await h.events("invitation.created")).length;
    const resent = await post(admin, { intent: "resend", invitationId: sent.id });
    expect(resent.status).toBe(200);
    expect(resent.data).toMatchObject({ ok: true, intent: "resend", email: "slow@reader.example" });
    const renewed = (await invitation("slow@reader.example"))!;
    expect(renewed.tokenHash).toBeNull();
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
    expect((await h.events("invitation.created")).length).toBe(before + 1);

    expect((await post(admin, { intent: "revoke", invitationId: sent.id })).status).toBe(200);
    expect((await invitation("slow@reader.example"))?.revokedAt).not.toBeNull();
    expect((await post(admin, { intent: "resend", invitationId: sent.id })).status).toBe(409);
    expect(await h.db((db) => db.activity.count({ where: { subjectId: sent.id, action: { in: ["member.invitation_resent", "member.invitation_revoked"] } } }))).toBe(2);
  });

  it("answers 404 for another coalition's invitation, a malformed id, and people without member:invite", async () => {
    const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
    const other = await h.otherTenant();
    const theirs = await other.db((db) =>
      db.invitation.create({ data: { tenantId: other.tenant.id, email: "theirs@example.test", role: "MEMBER", expiresAt: new Date(Date.now() + 3_600_000) }, select: { id: true } }),
    );
    expect((await post(admin, { intent: "revoke", invitationId: theirs.id })).status).toBe(404);
    expect((await post(admin, { intent: "resend", invitationId: "x" })).status).toBe(404);
    expect((await other.db((db) => db.invitation.findFirst({ where: { id: theirs.id }, select: { revokedAt: true } })))?.revokedAt).toBeNull();

    const member = await h.person({ role: "MEMBER" });
    expect((await page(member)).status).toBe(404);
    expect((await post(member, { intent: "revoke", invitationId: theirs.id })).status).toBe(404);
  });
});

describe("accepting an invitation with an existing account", () => {
  it("links the account to the coalition and to the invitation's organisation", async () => {
    const staff = await h.person({ role: "SECRETARIAT_STAFF" });
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Alyansa Tigil Mina" });
    const organisationId = await organisationOf(focal);
    // Someone with an account already (a member of another coalition, say), not of this one.
    const existing = await h.person({ role: null, email: "has.account@atm.example" });
    await post(staff, { intent: "invite", email: "has.account@atm.example", role: "MEMBER", organisationId });
    const sent = (await invitation("has.account@atm.example"))!;
    const token = await issueInvitationToken(h.tenant.id, sent.id);

    const joined = await h.call(joinAction as unknown as Fn, { request: existing.request(`/c/${h.tenant.slug}/join/${token}`, { form: {} }), params: { token } });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("Location")).toBe(`/c/${h.tenant.slug}/home`);
    const membership = await h.db((db) => db.membership.findFirst({ where: { userId: existing.id }, select: { role: true, organisationId: true } }));
    expect(membership).toEqual({ role: "MEMBER", organisationId });
    expect(await h.db((db) => db.user.count({ where: { email: "has.account@atm.example" } }))).toBe(1);
  });

  it("sends a stakeholder to the forums they were invited to, not the coalition overview", async () => {
    const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
    const existing = await h.person({ role: null, email: "ana@mgb.example.gov" });
    const sent = await h.db((db) =>
      db.invitation.create({ data: { tenantId: h.tenant.id, email: "ana@mgb.example.gov", role: "STAKEHOLDER", invitedById: admin.id, expiresAt: new Date(Date.now() + 86_400_000) }, select: { id: true } }),
    );
    const token = await issueInvitationToken(h.tenant.id, sent.id);
    const joined = await h.call(joinAction as unknown as Fn, { request: existing.request(`/c/${h.tenant.slug}/join/${token}`, { form: {} }), params: { token } });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("Location")).toBe(`/c/${h.tenant.slug}/forums`);
    expect(await h.db((db) => db.membership.findFirst({ where: { userId: existing.id }, select: { role: true } }))).toEqual({ role: "STAKEHOLDER" });
  });
});
