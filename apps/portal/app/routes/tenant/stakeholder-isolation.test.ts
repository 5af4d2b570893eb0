import { afterAll, beforeAll, describe, expect, it } from "vitest";
import consultations from "@commons/consultations";
import forums from "@commons/forums";
import members from "@commons/members";
import { moduleFile, type Module } from "@commons/plugin-sdk";
import { rolePermissions } from "@commons/plugin-sdk/server";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import { MODULES } from "../../../modules.config.ts";
import { moduleNavigation } from "../../lib/modules.server.ts";
import { loader as activityLoader } from "./activity.tsx";

// A stakeholder (a government office, a company) is invited into one forum and sees that
// forum and nothing else of the coalition: not another forum, not the member directory or
// an organisation's profile, no consultation they are not asked in, not the activity record, and no other
// coalition at all. Each page is loaded from the file its module declares, as the portal
// mounts it.
useTestDatabase();
let h: PluginHarness;
type Fn = Parameters<PluginHarness["call"]>[0];
type RouteModule = { loader: Fn };

async function route(module: Module, path: string): Promise<RouteModule> {
  const found = module.routes?.find((r) => r.path === path);
  if (!found) throw new Error(`${module.id} has no route "${path}"`);
  return (await import(moduleFile(module, found.file))) as RouteModule;
}

let stakeholder: HarnessPerson;
let member: HarnessPerson;
let forumA: string;
let forumB: string;
let organisationId: string;

beforeAll(async () => {
  h = await createPluginHarness(forums);
  const staff = await h.person({ role: "SECRETARIAT_STAFF" });
  member = await h.person({ organisation: "Bantay Kita" });
  stakeholder = await h.person({ role: "STAKEHOLDER", name: "Dept. of Energy liaison" });
  organisationId = (await h.db((db) => db.organisation.findFirstOrThrow({ where: { name: "Bantay Kita" }, select: { id: true } }))).id;
  const make = (name: string) => h.db((db) => db.forum.create({ data: { tenantId: h.tenant.id, name, createdById: staff.id, rules: "" }, select: { id: true } }));
  forumA = (await make("Forum A")).id;
  forumB = (await make("Forum B")).id;
  await h.db((db) =>
    db.forumParticipant.createMany({
      data: [
        { tenantId: h.tenant.id, forumId: forumA, userId: stakeholder.id, affiliation: "Department of Energy" },
        { tenantId: h.tenant.id, forumId: forumA, organisationId },
        { tenantId: h.tenant.id, forumId: forumB, organisationId },
      ],
    }),
  );
});
afterAll(() => h?.close());

const get = async (module: Module, path: string, url: string, params: Record<string, string> = {}, who = stakeholder) =>
  h.call((await route(module, path)).loader, { request: who.request(url), params });

describe("a stakeholder of forum A", () => {
  it("enters forum A, and sees only forum A in the forums list", async () => {
    expect((await get(forums, ":forumId/participants", h.path(`${forumA}/participants`), { forumId: forumA })).status).toBe(200);
    const list = await get(forums, "", h.path());
    expect((list.data as { forums: { id: string }[] }).forums.map((f) => f.id)).toEqual([forumA]);
  });

  it("gets 404 at forum B, which their members' organisation is in", async () => {
    expect((await get(forums, ":forumId/participants", h.path(`${forumB}/participants`), { forumId: forumB })).status).toBe(404);
    expect((await get(forums, ":forumId/rules", h.path(`${forumB}/rules`), { forumId: forumB })).status).toBe(404);
    expect((await get(forums, ":forumId/participants", h.path(`${forumB}/participants`), { forumId: forumB }, member)).status).toBe(200);
  });

  it("gets 404 at the member directory, an organisation's profile and the people pages", async () => {
    const base = `/c/${h.tenant.slug}/members`;
    expect((await get(members, "", base)).status).toBe(404);
    expect((await get(members, "organisations/:organisationId", `${base}/organisations/${organisationId}`, { organisationId })).status).toBe(404);
    expect((await get(members, "people", `${base}/people`)).status).toBe(404);
    // The member next to them sees the directory.
    expect((await get(members, "", base, {}, member)).status).toBe(200);
  });

  it("sees no consultation they are not asked in, and gets 404 at the activity record", async () => {
    // Consultations may ask stakeholders (their audience can include them); the list shows
    // only what they are asked in, here nothing.
    const list = await get(consultations, "", `/c/${h.tenant.slug}/consultations`);
    if (list.status === 200) expect(list.data).toMatchObject({ view: "member", consultations: [], open: [], closed: [] });
    else expect(list.status).toBe(404);
    const activity = await h.call(activityLoader as unknown as Fn, { request: stakeholder.request(`/c/${h.tenant.slug}/admin/activity`) });
    expect(activity.status).toBe(404);
  });

  it("has only their membership page and the forums in the coalition bar, whatever plugins are on", () => {
    const permissions = rolePermissions("STAKEHOLDER", MODULES);
    const links = moduleNavigation(h.tenant.slug, new Set(MODULES.map((m) => m.id)), permissions, "en");
    expect(links.map((l) => l.href).sort()).toEqual([`/c/${h.tenant.slug}/forums`, `/c/${h.tenant.slug}/members/me`].sort());
  });

  it("gets 404 in another coalition, and the other coalition's people get 404 here", async () => {
    const other = await h.otherTenant();
    const otherParams = { tenant: other.tenant.slug };
    expect((await get(forums, "", other.path(), otherParams)).status).toBe(404);
    expect((await get(forums, ":forumId/participants", other.path(`${forumA}/participants`), { ...otherParams, forumId: forumA })).status).toBe(404);
    const admin = await other.person({ role: "SECRETARIAT_ADMIN" });
    expect((await get(forums, ":forumId/participants", h.path(`${forumA}/participants`), { forumId: forumA }, admin)).status).toBe(404);
    expect((await get(forums, ":forumId/participants", other.path(`${forumA}/participants`), { ...otherParams, forumId: forumA }, admin)).status).toBe(404);
  });
});
