import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerClient } from "@commons/db/admin";
import { createMailTransport, sendMail } from "@commons/email";
import { seedModules } from "../server/seed.server.ts";
import { checkModules } from "../validate.ts";
import fixture from "./fixture/plugin.ts";
import * as route from "./fixture/route.ts";
import { createPluginHarness, useTestDatabase, type PluginHarness } from "./index.ts";

useTestDatabase();

let h: PluginHarness;
beforeAll(async () => {
  h = await createPluginHarness(fixture);
});
afterAll(() => h?.close());

describe("the fixture module", () => {
  it("passes the build-time checks, route file included", () => {
    expect(checkModules([fixture], "0.1.0", { checkFiles: true })).toEqual([]);
  });
});

describe("createPluginHarness", () => {
  it("lets a member see the module's page, with the settings' defaults", async () => {
    const member = await h.person({ role: "MEMBER" });
    const result = await h.call(route.loader, { request: member.request(h.path()) });
    expect(result.status).toBe(200);
    expect(result.thrown).toBe(false);
    expect(result.data).toEqual({ tenant: h.tenant.slug, person: member.id, greeting: "hello", done: 0 });
  });

  it("sends a signed-out visitor to sign in", async () => {
    const result = await h.call(route.loader, { request: new Request(`http://localhost${h.path()}`) });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(h.path())}`);
  });

  it("answers 404 to a signed-in person who is not a member", async () => {
    const stranger = await h.person({ role: null });
    const result = await h.call(route.loader, { request: stranger.request(h.path()) });
    expect(result).toMatchObject({ status: 404, thrown: true, body: "Not found", data: undefined });
  });

  it("answers 404 to a member without the route's permission", async () => {
    const stakeholder = await h.person({ role: "STAKEHOLDER" });
    expect((await h.call(route.loader, { request: stakeholder.request(h.path()) })).status).toBe(404);
  });

  it("answers 404 while the module is switched off, and serves it again when switched back on", async () => {
    const member = await h.person();
    await h.configure({ enabled: false });
    try {
      expect((await h.call(route.loader, { request: member.request(h.path()) })).status).toBe(404);
    } finally {
      await h.configure({ enabled: true });
    }
    expect((await h.call(route.loader, { request: member.request(h.path()) })).status).toBe(200);
  });

  it("answers 404 in a coalition that never switched the module on", async () => {
    const off = await createPluginHarness(fixture, { enabled: false });
    const admin = await off.person({ role: "SECRETARIAT_ADMIN" });
    expect((await off.call(route.loader, { request: admin.request(off.path()) })).status).toBe(404);
    expect((await off.call(route.action, { request: admin.request(off.path(), { form: { label: "x" } }) })).status).toBe(404);
  });

  it("hands the route the coalition's stored settings", async () => {
    const greeted = await createPluginHarness(fixture, { settings: { greeting: "bonjour" } });
    const member = await greeted.person();
    const result = await greeted.call(route.loader, { request: member.request(greeted.path()) });
    expect(result.data?.greeting).toBe("bonjour");
  });

  it("normalises data() results: an action's status and value", async () => {
    const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
    const invalid = await h.call(route.action, { request: admin.request(h.path(), { form: { label: "  " } }) });
    expect(invalid).toMatchObject({ status: 400, data: { error: "A label is required." }, thrown: false });
  });

  it("records the module's event in the outbox, visible through events()", async () => {
    const admin = await h.person({ permissions: ["fixture:act"] });
    expect(admin.role).toBe("SECRETARIAT_ADMIN");
    const before = (await h.events("fixture.thing_done")).length;
    const result = await h.call(route.action, { request: admin.request(h.path(), { form: { label: "Draft the statement" } }) });
    expect(result.status).toBe(201);
    const id = result.data && "id" in result.data ? result.data.id : undefined;
    expect(id).toEqual(expect.any(String));

    const events = await h.events("fixture.thing_done");
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)?.payload).toEqual({ activityId: id, label: "Draft the statement" });
    expect(await h.db((db) => db.activity.count({ where: { id, actorId: admin.id } }))).toBe(1);
  });

  it("answers 404 to a member of another coalition, whose own coalition's rows stay apart", async () => {
    const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
    await h.call(route.action, { request: admin.request(h.path(), { form: { label: "ours" } }) });
    const ours = await h.call(route.loader, { request: admin.request(h.path()) });

    const other = await h.otherTenant();
    // The other coalition's member, at this coalition's URL: not theirs to see.
    expect((await h.call(route.loader, { request: other.member.request(h.path()) })).status).toBe(404);
    // Nor may they post into it.
    expect((await h.call(route.action, { request: other.member.request(h.path(), { form: { label: "theirs" } }) })).status).toBe(404);

    // At home they see only their coalition's rows and events.
    const theirs = await h.call(route.loader, { request: other.member.request(other.path()), params: { tenant: other.tenant.slug } });
    expect(theirs.status).toBe(200);
    expect(theirs.data?.done).toBe(0);
    expect(await other.events()).toEqual([]);
    expect(ours.data?.done).toBeGreaterThan(0);

    // A person of this coalition sent to the other one's URL gets the same 404.
    expect((await h.call(route.loader, { request: admin.request(other.path()), params: { tenant: other.tenant.slug } })).status).toBe(404);
  });

  it("refuses permissions a role does not hold, naming the roles that do", async () => {
    await expect(h.person({ role: "MEMBER", permissions: ["fixture:act"] })).rejects.toThrow(
      /cannot give MEMBER "fixture:act": permissions come from roles only .*Roles that hold them: SECRETARIAT_ADMIN\./,
    );
    await expect(h.person({ permissions: ["fixture:nothing"] })).rejects.toThrow(/No role holds them/);
  });

  it("builds requests with the session cookie and a form body", async () => {
    const member = await h.person({ organisation: "Green Alliance" });
    const request = member.request(h.path("items/1?x=1"), { form: { tags: ["a", "b"], n: 2 } });
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`http://localhost/c/${h.tenant.slug}/fixture/items/1?x=1`);
    expect(request.headers.get("cookie")).toBe(member.cookie);
    expect(member.cookie).toMatch(/^commons_session=[a-z2-7]{32}$/);
    expect(await request.text()).toBe("tags=a&tags=b&n=2");
  });

  it("hands an event to the module's subscriber as the worker does: once, and not while switched off", async () => {
    const joined = { userId: "00000000-0000-4000-8000-000000000001", membershipId: "00000000-0000-4000-8000-000000000002" };
    const first = await h.dispatch("person.joined", joined);
    expect(first.outcome).toBe("ran");
    expect(first.log).toEqual([{ level: "info", message: "fixture: greeted", fields: { eventId: first.eventId } }]);
    expect((await h.events("fixture.thing_done")).map((e) => e.payload)).toContainEqual({ eventId: first.eventId, greeting: "hello" });

    const again = await h.dispatch("person.joined", joined, { eventId: first.eventId });
    expect(again).toMatchObject({ outcome: "already-ran", log: [] });
    expect(await h.db((db) => db.activity.count({ where: { subjectId: first.eventId } }))).toBe(1);

    await h.configure({ enabled: false });
    try {
      expect((await h.dispatch("person.joined", joined)).outcome).toBe("module-off");
    } finally {
      await h.configure({ enabled: true });
    }
    expect((await h.dispatch("decision.recorded", { proposalId: joined.userId, forumId: joined.userId, outcome: "ADOPTED" })).outcome).toBeUndefined();
  });

  it("receives mail sent through @commons/email in its loopback mailbox", async () => {
    const mailbox = await h.mailbox();
    expect(process.env.SMTP_URL).toBe(mailbox.url);
    const transport = createMailTransport();
    try {
      await sendMail(transport, { to: "someone@example.test", subject: "Fixture done", text: "Done.", html: "<p>Done.</p>", headers: {}, messageId: "<fixture-1@commons.test>" });
    } finally {
      transport.close();
    }
    const message = await mailbox.waitFor((m) => m.subject === "Fixture done");
    expect(message.to).toEqual(["someone@example.test"]);
  });
});

describe("the rest of a module's server entry", () => {
  it("runs a scheduled job in the coalition's transaction, and not while the module is off", async () => {
    const scheduledAt = new Date("2026-11-23T06:00:00Z");
    await h.person({ role: "MEMBER" });
    expect((await h.runJob("count-members", { scheduledAt })).outcome).toBe("ran");
    const counted = await h.db((db) => db.activity.findMany({ where: { action: "fixture.counted" }, select: { data: true } }));
    expect(counted).toHaveLength(1);
    expect(counted[0]!.data).toMatchObject({ scheduledAt: scheduledAt.toISOString() });
    expect((counted[0]!.data as { members: number }).members).toBeGreaterThan(0);

    await h.configure({ enabled: false });
    try {
      expect((await h.runJob("count-members")).outcome).toBe("module-off");
    } finally {
      await h.configure({ enabled: true });
    }
    expect(await h.db((db) => db.activity.count({ where: { action: "fixture.counted" } }))).toBe(1);
  });

  it("renders an email template in each recipient's own language, once per event", async () => {
    const mailbox = await h.mailbox();
    const english = await h.person({ name: "Ana Reyes" });
    const filipino = await h.person({ name: "Ben Cruz" });
    await ownerClient().user.update({ where: { id: filipino.id }, data: { locale: "fil" } });

    const sent = await h.dispatch("organisation.admitted", { userId: english.id });
    await h.dispatch("organisation.admitted", { userId: english.id }, { eventId: sent.eventId });
    await h.dispatch("organisation.admitted", { userId: filipino.id });

    const en = await mailbox.waitFor((m) => m.to.includes(english.email));
    expect(en.subject).toBe("hello, Ana Reyes");
    expect(en.text).toContain("Your organisation was admitted.");
    const fil = await mailbox.waitFor((m) => m.to.includes(filipino.email));
    // Filipino subject; the body has no Filipino message yet, so it falls back to English.
    expect(fil.subject).toBe("Mabuhay, Ben Cruz");
    expect(fil.text).toContain("Your organisation was admitted.");
    expect(mailbox.messages().filter((m) => m.to.includes(english.email))).toHaveLength(1);
  });

  it("sends nothing to a member who turned this coalition's email updates off, and links to where they can turn them on", async () => {
    const mailbox = await h.mailbox();
    const quiet = await h.person({ name: "Carla Quiet" });
    const keen = await h.person({ name: "Dan Keen" });
    await h.db((db) => db.membership.updateMany({ where: { userId: quiet.id }, data: { emailUpdates: false } }));
    await h.dispatch("organisation.admitted", { userId: quiet.id });
    await h.dispatch("organisation.admitted", { userId: keen.id });
    const sent = await mailbox.waitFor((m) => m.to.includes(keen.email));
    expect(sent.text).toContain(`/c/${h.tenant.slug}/members/me`);
    expect(mailbox.messages().filter((m) => m.to.includes(quiet.email))).toEqual([]);
  });

  it("seeds a coalition once: switches the module on and writes its demo data, then leaves it alone", async () => {
    const fresh = await h.otherTenant({ enabled: false });
    const log = { info: () => undefined, warn: () => undefined };
    expect(await seedModules([fixture], [fresh.tenant.id], log)).toEqual([{ module: "fixture", tenantId: fresh.tenant.id, outcome: "seeded" }]);
    expect(await seedModules([fixture], [fresh.tenant.id], log)).toEqual([{ module: "fixture", tenantId: fresh.tenant.id, outcome: "already-there" }]);
    const seeded = await fresh.db((db) => db.activity.findMany({ where: { action: "fixture.seeded" }, select: { data: true } }));
    expect(seeded).toEqual([{ data: { members: 1, organisations: 0 } }]);
    expect(await fresh.db((db) => db.moduleSetting.findFirst({ where: { moduleId: "fixture" }, select: { enabled: true } }))).toEqual({ enabled: true });
  });
});
