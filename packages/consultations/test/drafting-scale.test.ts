import { afterAll, beforeAll, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import { draftConsultation, openConsultationAs } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let staff: HarnessPerson;

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  staff = await h.person({ role: "SECRETARIAT_STAFF" });
  await h.db((db) =>
    db.organisation.createMany({
      data: Array.from({ length: 10_000 }, (_, i) => ({ tenantId: h.tenant.id, name: `Organisation ${i}`, type: "NGO", region: i % 2 ? "Caraga" : "CAR", sectors: [i % 3 ? "Mining" : "Forestry"], themes: ["Transparency"] })),
    }),
  );
});
afterAll(() => h?.close());

/** Opening runs a fixed number of statements: its time grows with the rows written, not with round trips. */
it("opens for 10,000 organisations in about the time of a few hundred", async () => {
  const timeOpen = async (plan: Parameters<typeof draftConsultation>[2]) => {
    const { id } = await draftConsultation(h, staff.id, plan);
    const started = performance.now();
    const result = await openConsultationAs(h, staff, id);
    const ms = performance.now() - started;
    expect(result.status).toBe(302);
    return { ms, rows: await h.db((db) => db.consultationsRecipient.count({ where: { consultationId: id } })) };
  };
  await timeOpen({ audienceKind: "FILTERED", audienceSectors: ["Forestry"], audienceRegions: ["CAR"] }); // warm-up
  const few = await timeOpen({ audienceKind: "PICKED", audienceOrganisationIds: (await h.db((db) => db.organisation.findMany({ take: 80, select: { id: true } }))).map((o) => o.id) });
  const all = await timeOpen({ audienceKind: "ALL" });
  expect(few.rows).toBe(80);
  expect(all.rows).toBe(10_000);
  console.info(`open: 80 organisations in ${few.ms.toFixed(0)} ms, 10,000 in ${all.ms.toFixed(0)} ms`);
  expect(all.ms).toBeLessThan(5_000);
});
