import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import * as directory from "../routes/directory/directory.tsx";
import { prefixQuery } from "../src/directory/search.server.ts";
import { get, makeOrganisation } from "./directory-helpers.ts";

useTestDatabase();

let h: PluginHarness;
let member: HarnessPerson;
let admin: HarnessPerson;
let stakeholder: HarnessPerson;
let other: OtherTenant;
let otherOrgId: string;

type Page = { rows: { id: string; name: string }[]; total: number; page: number; pages: number; facets: Record<string, { value: string; count: number }[]> };
const list = async (sub: string, person: HarnessPerson | null = member) => {
  const r = await get(h, person, directory.loader, sub);
  expect(r.status).toBe(200);
  return r.data as unknown as Page;
};
const names = (page: Page) => page.rows.map((r) => r.name);
const facet = (page: Page, name: string) => Object.fromEntries(page.facets[name]!.map((o) => [o.value, o.count]));

beforeAll(async () => {
  h = await createPluginHarness(members);
  await h.configure({ settings: { regions: "Caraga\nDavao Region\nBicol Region", sectors: "mining\nfisheries\nhealth", languages: "" } });
  member = await h.person({ role: "MEMBER" });
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  stakeholder = await h.person({ role: "STAKEHOLDER" });
  await makeOrganisation(h, { name: "Agusan Mining Watch", acronym: "AMW", region: "Caraga", province: "Agusan del Sur", sectors: ["mining"], themes: ["water"], languages: ["Cebuano"], description: "Monitors nickel mines.", offers: "Paralegal training", needs: "Drone mapping" });
  await makeOrganisation(h, { name: "Davao Fisherfolk Federation", acronym: "DFF", region: "Davao Region", sectors: ["fisheries", "health"], themes: ["coast"], languages: ["Cebuano", "English"], description: "Small fishers on the gulf." });
  await makeOrganisation(h, { name: "Bicol Health Volunteers", region: "Bicol Region", type: "Community-based organisation", sectors: ["health"], languages: ["Bikol"], description: "Clinics near the mines.", status: "SUSPENDED" });
  await makeOrganisation(h, { name: "Applied Not Yet Admitted", region: "Caraga", sectors: ["mining"], status: "APPLIED" });
  await makeOrganisation(h, { name: "Gone Away Alliance", region: "Caraga", sectors: ["mining"], status: "LEFT" });
  other = await h.otherTenant();
  otherOrgId = await makeOrganisation(other, { name: "Secret Mining Watch Elsewhere", region: "Caraga", sectors: ["mining"], description: "Mining" });
  expect(otherOrgId).toBeTruthy();
});

afterAll(() => h?.close());

describe("the directory list", () => {
  it("lists active and suspended organisations by name, never applicants or those who left", async () => {
    const page = await list("");
    expect(names(page)).toEqual(["Agusan Mining Watch", "Bicol Health Volunteers", "Davao Fisherfolk Federation"]);
    expect(page.total).toBe(3);
  });

  it("searches names, acronyms, descriptions, offers and needs by word beginnings", async () => {
    expect(names(await list("?q=agus"))).toEqual(["Agusan Mining Watch"]);
    expect(names(await list("?q=DFF"))).toEqual(["Davao Fisherfolk Federation"]);
    expect(names(await list("?q=nickel"))).toEqual(["Agusan Mining Watch"]);
    expect(names(await list("?q=paralegal"))).toEqual(["Agusan Mining Watch"]);
    expect(names(await list("?q=drone%20map"))).toEqual(["Agusan Mining Watch"]);
    expect(names(await list("?q=mine"))).toEqual(["Agusan Mining Watch", "Bicol Health Volunteers"]);
    expect(names(await list("?q=mine%20clinic"))).toEqual(["Bicol Health Volunteers"]);
    expect(names(await list("?q=nothinglikethis"))).toEqual([]);
  });

  it.each(["&|!():*'", "'", "\\", "a & | b", "!!!", "(((", ":*", "mine:* | x", "<script>", "%00", "ñ", "🙂", "x".repeat(500), "' OR 1=1 --"])("answers odd input %j without an error", async (q) => {
    const page = await list(`?q=${encodeURIComponent(q)}`);
    expect(Array.isArray(page.rows)).toBe(true);
  });

  it("builds tsqueries from letters and digits only", () => {
    expect(prefixQuery("Mine & water | !x")).toBe("mine:* & water:* & x:*");
    expect(prefixQuery("&|!():*'")).toBeNull();
    expect(prefixQuery("B'laan")).toBe("b:* & laan:*");
    expect(prefixQuery("Ñandú 2024")).toBe("ñandú:* & 2024:*");
  });

  it("filters by region, sector, theme, type and language, combinably", async () => {
    expect(names(await list("?region=Caraga"))).toEqual(["Agusan Mining Watch"]);
    expect(names(await list("?sector=health"))).toEqual(["Bicol Health Volunteers", "Davao Fisherfolk Federation"]);
    expect(names(await list("?theme=coast"))).toEqual(["Davao Fisherfolk Federation"]);
    expect(names(await list(`?type=${encodeURIComponent("Community-based organisation")}`))).toEqual(["Bicol Health Volunteers"]);
    expect(names(await list("?language=Cebuano"))).toEqual(["Agusan Mining Watch", "Davao Fisherfolk Federation"]);
    expect(names(await list("?language=Cebuano&sector=health"))).toEqual(["Davao Fisherfolk Federation"]);
    expect(names(await list("?language=Cebuano&sector=health&region=Caraga"))).toEqual([]);
    expect(names(await list("?q=clinic&sector=health"))).toEqual(["Bicol Health Volunteers"]);
  });

  it("counts each filter's options under the other active filters", async () => {
    const all = await list("");
    expect(facet(all, "region")).toEqual({ Caraga: 1, "Davao Region": 1, "Bicol Region": 1 });
    expect(facet(all, "sector")).toEqual({ mining: 1, fisheries: 1, health: 2 });
    expect(facet(all, "language")).toEqual({ Bikol: 1, Cebuano: 2, English: 1 });
    // The coalition's own list comes first, in its order, zeros included.
    expect(all.facets.region!.map((o) => o.value)).toEqual(["Caraga", "Davao Region", "Bicol Region"]);

    const health = await list("?sector=health");
    expect(health.total).toBe(2);
    expect(facet(health, "region")).toEqual({ Caraga: 0, "Davao Region": 1, "Bicol Region": 1 });
    // A facet's own choice does not narrow its counts: the other sectors still show what they would give.
    expect(facet(health, "sector")).toEqual({ mining: 1, fisheries: 1, health: 2 });
    expect(facet(health, "language")).toEqual({ Bikol: 1, Cebuano: 1, English: 1 });

    const searched = await list("?q=mine&region=Bicol%20Region");
    expect(searched.total).toBe(1);
    expect(facet(searched, "region")).toEqual({ Caraga: 1, "Davao Region": 0, "Bicol Region": 1 });
  });

  it("keeps a chosen value that no organisation has among the options", async () => {
    const page = await list("?region=Atlantis");
    expect(page.total).toBe(0);
    expect(facet(page, "region").Atlantis).toBe(0);
  });

  it("pages by 25 with the total", async () => {
    const paged = await createPluginHarness(members);
    try {
      const reader = await paged.person({ role: "MEMBER" });
      await paged.db((db) =>
        db.organisation.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ tenantId: paged.tenant.id, name: `Org ${String(i).padStart(2, "0")}`, type: "NGO", region: "Caraga" })) }),
      );
      const call = async (sub: string) => (await get(paged, reader, directory.loader, sub, {}, paged)).data as unknown as Page;
      const first = await call("");
      expect(first.rows).toHaveLength(25);
      expect(first.total).toBe(60);
      expect(first.pages).toBe(3);
      const third = await call("?page=3");
      expect(names(third)).toEqual(Array.from({ length: 10 }, (_, i) => `Org ${50 + i}`));
      expect((await call("?page=4")).rows).toEqual([]);
      expect((await call("?page=-1")).page).toBe(1);
      expect((await call("?page=abc")).page).toBe(1);
    } finally {
      await paged.close();
    }
  });
});

describe("who sees the directory", () => {
  it("shows it to every role holding members:directory", async () => {
    for (const role of ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER"] as const) {
      const person = await h.person({ role });
      expect((await get(h, person, directory.loader, "")).status).toBe(200);
    }
  });

  it("answers 404 to stakeholders, visitors, outsiders and other coalitions' members while it is private", async () => {
    expect((await get(h, stakeholder, directory.loader, "")).status).toBe(404);
    expect((await get(h, null, directory.loader, "")).status).toBe(404);
    expect((await get(h, await h.person({ role: null }), directory.loader, "")).status).toBe(404);
    expect((await get(h, other.member, directory.loader, "")).status).toBe(404);
  });

  it("shows it to anyone once the coalition publishes it", async () => {
    await h.configure({ settings: { publicDirectory: true } });
    try {
      for (const person of [stakeholder, null, other.member]) {
        const r = await get(h, person, directory.loader, "");
        expect(r.status).toBe(200);
        expect((r.data as { level: string }).level).toBe("public");
        expect(names(r.data as unknown as Page)).toEqual(["Agusan Mining Watch", "Bicol Health Volunteers", "Davao Fisherfolk Federation"]);
      }
    } finally {
      await h.configure({ settings: { publicDirectory: false, regions: "Caraga\nDavao Region\nBicol Region", sectors: "mining\nfisheries\nhealth" } });
    }
  });

  it("never lists or finds another coalition's organisations", async () => {
    expect(names(await list("?q=secret"))).toEqual([]);
    expect(names(await list("?q=elsewhere&region=Caraga&sector=mining"))).toEqual([]);
    expect((await list("")).total).toBe(3);
    // Their member, at their own directory, sees theirs and not ours.
    const theirs = (await get(h, other.member, directory.loader, "", {}, other)).data as unknown as Page;
    expect(names(theirs)).toEqual(["Secret Mining Watch Elsewhere"]);
  });

  it("tells the secretariat it may export people", async () => {
    expect(((await get(h, admin, directory.loader, "")).data as { level: string }).level).toBe("manager");
    expect(((await get(h, member, directory.loader, "")).data as { level: string }).level).toBe("member");
  });
});
