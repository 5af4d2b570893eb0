import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import * as exportRoute from "../routes/directory/export.tsx";
import * as uploadPage from "../routes/import/import.tsx";
import * as previewPage from "../routes/import/preview.tsx";
import { importNow, mappingForm, preview, previewData, uploaded } from "./import-helpers.ts";

useTestDatabase();

// What the secretariat exports, it can import again: into its own coalition (nothing
// changes) or into a new one (the same organisations appear).
let h: PluginHarness;
let admin: HarnessPerson;
let fresh: OtherTenant;

const ORGANISATIONS = [
  { name: "Samahang Magsasaka ng Parañaque", acronym: "SMP", type: "NGO", region: "NCR", province: "Metro Manila", sectors: ["Agriculture", "Mining"], email: "smp@example.ph", website: "https://smp.example.ph", foundedYear: 1998, description: 'Mga magsasaka\nmula pa noong 1998; "bukas" sa lahat' },
  { name: "绿色矿业观察", acronym: "LMW", type: "Network", region: "Caraga", province: "", sectors: ["Mining"], email: "", website: "", foundedYear: null, description: "=1+1 is not a formula here" },
  { name: "جمعية الأرض الخضراء", acronym: "", type: "Academic", region: "Davao Region", province: "Davao", sectors: [], email: "info@ard.example.org", website: "", foundedYear: 2011, description: "" },
];

async function exported(format: "csv" | "xlsx"): Promise<{ name: string; content: Uint8Array }> {
  const r = await h.call(exportRoute.loader, { request: admin.request(h.path(`export?format=${format}`)) });
  expect(r.status).toBe(200);
  return { name: `directory.${format}`, content: new Uint8Array(await r.response!.arrayBuffer()) };
}

beforeAll(async () => {
  h = await createPluginHarness(members);
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  fresh = await h.otherTenant();
  await h.db((db) => db.organisation.createMany({ data: ORGANISATIONS.map((o) => ({ ...o, tenantId: h.tenant.id })) }));
});

afterAll(() => h?.close());

describe.each(["csv", "xlsx"] as const)("a %s export", (format) => {
  it("imports back into its own coalition without changing anything", async () => {
    const before = await h.db((db) => db.organisation.findMany({ orderBy: { id: "asc" } }));
    const importId = await uploaded(h, admin, await exported(format));
    const { preview: checked } = await previewData(h, admin, importId);
    expect(checked!.summary).toMatchObject({ ready: 0, errors: 0, unchanged: ORGANISATIONS.length });
    expect((await importNow(h, admin, importId)).status).toBe(302);
    const report = (await preview(h, admin, importId)).data as { done: { counts: unknown } };
    expect(report.done.counts).toEqual({ created: 0, updated: 0, unchanged: ORGANISATIONS.length, skipped: 0 });
    expect(await h.db((db) => db.organisation.findMany({ orderBy: { id: "asc" } }))).toEqual(before);
  });
});

describe("a csv export imported into another coalition", () => {
  it("brings the same organisations, every exported field exact", async () => {
    const file = await exported("csv");
    const newcomer = await fresh.person({ role: "SECRETARIAT_ADMIN" });
    const params = { tenant: fresh.tenant.slug };
    const form = new FormData();
    form.set("kind", "organisations");
    form.set("file", new File([new Uint8Array(file.content)], file.name));
    const up = await h.call(uploadPage.action, { request: newcomer.request(fresh.path("import"), { method: "POST", body: form }), params });
    expect(up.status).toBe(302);
    const importId = up.headers.get("Location")!.split("/").at(-1)!;
    const shown = await h.call(previewPage.loader, { request: newcomer.request(fresh.path(`import/${importId}`)), params: { ...params, importId } });
    const mapping = (shown.data as { preview: { mapping: Record<string, number | undefined> } }).preview.mapping;
    const run = await h.call(previewPage.action, { request: newcomer.request(fresh.path(`import/${importId}`), { form: { intent: "import", ...mappingForm(mapping) } }), params: { ...params, importId } });
    expect(run.status).toBe(302);
    const copied = await fresh.db((db) => db.organisation.findMany({ orderBy: { name: "asc" }, select: { name: true, acronym: true, type: true, region: true, province: true, sectors: true, email: true, website: true, foundedYear: true, description: true } }));
    const expected = [...ORGANISATIONS].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(copied).toEqual(expected);
  });
});
