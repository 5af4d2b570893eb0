import path from "node:path";
import { pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definePlugin } from "../manifest.ts";
import { createPluginHarness, useTestDatabase, type HarnessArgs, type PluginHarness } from "../testing/index.ts";
import { provideModuleNavigation, withModule, withModuleVisitor } from "./module-access.server.ts";

useTestDatabase();

const here = pathToFileURL(path.join(import.meta.dirname, "directory.ts")).href;
const directory = definePlugin(here, { id: "directory", name: "Directory", description: "A public page", version: "1.0.0", portal: "*" });
const registry = definePlugin(here, { id: "registry", name: "Registry", description: "A core module", version: "1.0.0", portal: "*", core: true, events: { emits: ["organisation.admitted"] } });

const publicPage = (args: HarnessArgs) => withModuleVisitor(args, directory, async ({ person, permissions, nav }) => ({ person: person?.id ?? null, permissions: [...permissions], nav }));

let h: PluginHarness;
let core: PluginHarness;
beforeAll(async () => {
  h = await createPluginHarness(directory);
  core = await createPluginHarness(registry);
});
afterAll(() => provideModuleNavigation(null));

describe("withModuleVisitor", () => {
  it("serves visitors, members of other coalitions and members alike; only members are a person here", async () => {
    const visitor = await h.call(publicPage, { request: new Request(`http://localhost${h.path()}`) });
    expect(visitor.data).toEqual({ person: null, permissions: [], nav: null });

    const other = await h.otherTenant();
    expect((await h.call(publicPage, { request: other.member.request(h.path()) })).data).toMatchObject({ person: null });

    const member = await h.person({ role: "MEMBER" });
    expect((await h.call(publicPage, { request: member.request(h.path()) })).data).toMatchObject({ person: member.id });
  });

  it("answers 404 while the module is off, as for members", async () => {
    await h.configure({ enabled: false });
    try {
      expect((await h.call(publicPage, { request: new Request(`http://localhost${h.path()}`) })).status).toBe(404);
    } finally {
      await h.configure({ enabled: true });
    }
  });

  it("hands members the coalition bar built by the portal's provider, in the same transaction", async () => {
    provideModuleNavigation(async (db, tenant, { role }) => ({ role, coalition: tenant.slug, members: await db.membership.count() }));
    const member = await h.person({ role: "FOCAL_POINT" });
    const result = await h.call(publicPage, { request: member.request(h.path()) });
    expect(result.data).toMatchObject({ nav: { role: "FOCAL_POINT", coalition: h.tenant.slug } });
    provideModuleNavigation(null);
  });
});

describe("emit", () => {
  it("lets a core module record the core events it is the source of, checked against their schema", async () => {
    const admit = (organisationId: unknown) => (args: HarnessArgs) => withModule(args, registry, null, ({ emit }) => emit("organisation.admitted", { organisationId }));
    const admin = await core.person({ role: "SECRETARIAT_ADMIN" });
    const organisationId = randomUUID();
    expect((await core.call(admit(organisationId), { request: admin.request(core.path()) })).status).toBe(200);
    expect((await core.events("organisation.admitted")).map((e) => e.payload)).toEqual([{ organisationId }]);
    await expect(core.call(admit("not-a-uuid"), { request: admin.request(core.path()) })).rejects.toThrow();
  });

  it("keeps a plugin to its own events", async () => {
    const member = await h.person({ role: "MEMBER" });
    const admitFromPlugin = (args: HarnessArgs) => withModule(args, directory, null, ({ emit }) => emit("organisation.admitted", { organisationId: randomUUID() }));
    await expect(h.call(admitFromPlugin, { request: member.request(h.path()) })).rejects.toThrow(/may only emit its own events/);
  });
});
