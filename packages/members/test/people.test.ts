import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import { ROLES } from "@commons/plugin-sdk";
import members from "../manifest.ts";
import { loader as peopleLoader } from "../routes/people/people.tsx";
import { action as personAction, loader as personLoader } from "../routes/people/person.tsx";
import { ROLES as ROLE_CHOICES } from "../src/people/labels.ts";

useTestDatabase();
let h: PluginHarness;
beforeAll(async () => {
  h = await createPluginHarness(members);
});
afterAll(() => h?.close());

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const roleOf = (userId: string) => h.db((db) => db.membership.findFirst({ where: { userId }, select: { role: true, organisationId: true } }));
const changeRole = (actor: HarnessPerson, userId: string, role: string) =>
  h.call(personAction, { request: actor.request(h.path(`people/${userId}`), { form: { intent: "role", role } }), params: { userId } });

it("offers the SDK's roles, in its order", () => {
  expect(ROLE_CHOICES).toEqual(ROLES);
});

describe("people", () => {
  it("lists the coalition's people to the secretariat, searchable by name and email, filtered by role", async () => {
    const staff = await h.person({ role: "SECRETARIAT_STAFF" });
    await h.person({ role: "FOCAL_POINT", name: "Marites Dizon", email: "marites@lilak.example", organisation: "LILAK" });
    const other = await h.otherTenant();
    await other.person({ name: "Marites Elsewhere" });

    const byName = await h.call(peopleLoader, { request: staff.request(h.path("people?q=marites")) });
    expect(byName.status).toBe(200);
    expect(byName.data?.people.map((p) => p.name)).toEqual(["Marites Dizon"]);
    expect(byName.data?.people[0]).toMatchObject({ organisation: "LILAK", role: "FOCAL_POINT", email: "marites@lilak.example" });

    const byEmail = await h.call(peopleLoader, { request: staff.request(h.path("people?q=LILAK.example")) });
    expect(byEmail.data?.people.map((p) => p.name)).toEqual(["Marites Dizon"]);

    const byRole = await h.call(peopleLoader, { request: staff.request(h.path("people?role=SECRETARIAT_STAFF&organisation=not-a-uuid")) });
    expect(byRole.data?.people.map((p) => p.userId)).toEqual([staff.id]);
  });

  it("is not there for members, focal points or another coalition's people", async () => {
    const member = await h.person({ role: "MEMBER" });
    const focal = await h.person({ role: "FOCAL_POINT", organisation: "Bantay Kita" });
    const other = await h.otherTenant();
    for (const person of [member, focal, other.member]) {
      expect((await h.call(peopleLoader, { request: person.request(h.path("people")) })).status).toBe(404);
    }
  });
});

describe("a person's role", () => {
  it("is changed by a secretariat admin, with who, from and to in the activity record", async () => {
    const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
    const person = await h.person({ role: "MEMBER", name: "Jun Santos" });
    const result = await changeRole(admin, person.id, "FOCAL_POINT");
    expect(result.status).toBe(200);
    expect((await roleOf(person.id))?.role).toBe("FOCAL_POINT");
    const entries = await h.db((db) => db.activity.findMany({ where: { action: "members.role_changed", subjectId: person.id }, select: { actorId: true, data: true } }));
    expect(entries).toEqual([{ actorId: admin.id, data: expect.objectContaining({ from: "MEMBER", to: "FOCAL_POINT", name: "Jun Santos" }) }]);

    const page = await h.call(personLoader, { request: admin.request(h.path(`people/${person.id}`)), params: { userId: person.id } });
    expect(page.data?.history.map((e) => e.action)).toEqual(["members.role_changed"]);
  });

  it("cannot be changed by a member (404) nor by secretariat staff, who cannot grant the admin role", async () => {
    const member = await h.person({ role: "MEMBER" });
    const staff = await h.person({ role: "SECRETARIAT_STAFF" });
    const person = await h.person({ role: "MEMBER" });
    expect((await changeRole(member, person.id, "SECRETARIAT_ADMIN")).status).toBe(404);
    expect((await changeRole(staff, person.id, "SECRETARIAT_ADMIN")).status).toBe(404);
    expect((await changeRole(staff, staff.id, "SECRETARIAT_ADMIN")).status).toBe(404);
    expect((await roleOf(person.id))?.role).toBe("MEMBER");
    expect((await roleOf(staff.id))?.role).toBe("SECRETARIAT_STAFF");
  });

  it("refuses an unknown role next to the field, and another coalition's person is not there", async () => {
    const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
    const person = await h.person({ role: "MEMBER" });
    const bad = await changeRole(admin, person.id, "OWNER");
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ ok: false, form: "role", errors: { role: "Choose one of the roles." } });

    const other = await h.otherTenant();
    expect((await changeRole(admin, other.member.id, "SECRETARIAT_STAFF")).status).toBe(404);
    expect((await h.call(personLoader, { request: admin.request(h.path(`people/${other.member.id}`)), params: { userId: other.member.id } })).status).toBe(404);
    expect((await h.call(personLoader, { request: admin.request(h.path("people/nope")), params: { userId: "nope" } })).status).toBe(404);
  });
});

describe("the last secretariat admin", () => {
  it("cannot be demoted or removed; with two admins demoting each other at once, one wins", async () => {
    const h2 = await createPluginHarness(members);
    const a = await h2.person({ role: "SECRETARIAT_ADMIN" });
    const b = await h2.person({ role: "SECRETARIAT_ADMIN" });
    const demote = (actor: HarnessPerson, target: HarnessPerson) =>
      h2.call(personAction, { request: actor.request(h2.path(`people/${target.id}`), { form: { intent: "role", role: "MEMBER" } }), params: { userId: target.id } });

    // Hold the admins' rows so that both requests pass the guard as admins and then queue
    // on the lock together; then let them go.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = h2.db(async (db) => {
      await db.$queryRaw`SELECT id FROM memberships WHERE role = 'SECRETARIAT_ADMIN' FOR UPDATE`;
      locked();
      await held;
    });
    await isLocked;
    const racing = Promise.all([demote(a, b), demote(b, a)]);
    await waitFor(async () => {
      const [row] = await h2.db((db) => db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`);
      return (row?.n ?? 0) >= 2;
    });
    release();
    await holder;
    const results = await racing;
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const admins = await h2.db((db) => db.membership.count({ where: { role: "SECRETARIAT_ADMIN" } }));
    expect(admins).toBe(1);

    const last = results[0].status === 200 ? a : b;
    const self = await demote(last, last);
    expect(self.status).toBe(409);
    expect(self.data).toMatchObject({ errors: { role: "The coalition needs at least one secretariat admin. Make someone else an admin first." } });
    expect(await h2.db((db) => db.membership.count({ where: { role: "SECRETARIAT_ADMIN" } }))).toBe(1);
  });
});

describe("a person's organisation and removal", () => {
  it("moves a person to another organisation of this coalition, never to another coalition's", async () => {
    const staff = await h.person({ role: "SECRETARIAT_STAFF" });
    const person = await h.person({ role: "MEMBER", organisation: "Alyansa Tigil Mina" });
    const target = await h.person({ role: "MEMBER", organisation: "Bantay Kita" });
    const targetOrganisation = (await roleOf(target.id))!.organisationId!;
    const other = await h.otherTenant();
    const otherPerson = await other.person({ organisation: "Elsewhere" });
    const otherOrganisation = (await other.db((db) => db.membership.findFirst({ where: { userId: otherPerson.id }, select: { organisationId: true } })))!.organisationId!;

    const move = (organisationId: string) =>
      h.call(personAction, { request: staff.request(h.path(`people/${person.id}`), { form: { intent: "organisation", organisationId } }), params: { userId: person.id } });
    expect((await move(otherOrganisation)).status).toBe(404);
    expect((await move("not-an-id")).status).toBe(400);
    expect((await move(targetOrganisation)).status).toBe(200);
    expect((await roleOf(person.id))?.organisationId).toBe(targetOrganisation);
    const entry = await h.db((db) => db.activity.findFirst({ where: { action: "members.organisation_changed", subjectId: person.id }, select: { data: true } }));
    expect(entry?.data).toMatchObject({ from: "Alyansa Tigil Mina", to: "Bantay Kita" });
  });

  it("removes a person only after confirmation; staff cannot remove an admin; the last admin stays", async () => {
    const h3 = await createPluginHarness(members);
    const admin = await h3.person({ role: "SECRETARIAT_ADMIN" });
    const staff = await h3.person({ role: "SECRETARIAT_STAFF" });
    const person = await h3.person({ role: "MEMBER", name: "Leaving Soon" });
    const remove = (actor: HarnessPerson, target: HarnessPerson, confirm?: string) =>
      h3.call(personAction, { request: actor.request(h3.path(`people/${target.id}`), { form: { intent: "remove", ...(confirm ? { confirm } : {}) } }), params: { userId: target.id } });

    expect((await remove(staff, person)).status).toBe(400);
    expect((await remove(staff, admin, "yes")).status).toBe(404);
    const done = await remove(staff, person, "yes");
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/c/${h3.tenant.slug}/members/people?removed=Leaving%20Soon`);
    expect(await h3.db((db) => db.membership.count({ where: { userId: person.id } }))).toBe(0);
    expect(await h3.db((db) => db.activity.count({ where: { action: "members.person_removed", subjectId: person.id, actorId: staff.id } }))).toBe(1);

    // The admin cannot remove themselves here (and is the last one anyway).
    expect((await remove(admin, admin, "yes")).status).toBe(400);
    expect(await h3.db((db) => db.membership.count({ where: { role: "SECRETARIAT_ADMIN" } }))).toBe(1);
  });
});
