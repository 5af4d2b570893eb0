import { withTenant } from "@commons/db";
import { ownerClient } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_COALITIONS, DEMO_PEOPLE } from "./accounts.ts";
import { seedDemo, tenantIdOf } from "./demo.ts";
import { openExtractivesOrganisations } from "./organisations.ts";

const database = useTestDatabase();

describe("demo seed", () => {
  it("writes both coalitions once and nothing on a second run", async () => {
    const first = await seedDemo(database.current.ownerUrl);
    expect(first.created).toEqual([DEMO_COALITIONS.openExtractives.slug, DEMO_COALITIONS.mindanao.slug]);
    const second = await seedDemo(database.current.ownerUrl);
    expect(second.created).toEqual([]);

    const db = ownerClient();
    expect(await db.tenant.count()).toBe(2);
    expect(await db.user.count()).toBe(DEMO_PEOPLE.length);
    const orgCounts = await db.$queryRaw<{ slug: string; n: bigint }[]>`
      SELECT t.slug, count(o.id) AS n FROM tenants t JOIN organisations o ON o.tenant_id = t.id GROUP BY t.slug ORDER BY t.slug`;
    expect(orgCounts.map((r) => [r.slug, Number(r.n)])).toEqual([
      ["mindanao-communities", 12],
      ["open-extractives", 80],
    ]);
    const created = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM activities WHERE action = 'tenant.created'`;
    expect(Number(created[0]!.n)).toBe(2);
  });

  it("gives every demo person a unique email and a verified, hashed password", async () => {
    const emails = DEMO_PEOPLE.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    const users = await ownerClient().user.findMany({ where: { email: { in: emails } } });
    expect(users).toHaveLength(emails.length);
    for (const user of users) {
      expect(user.emailVerifiedAt).not.toBeNull();
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    }
    expect(users.filter((u) => u.isPlatformOperator).map((u) => u.email)).toEqual([DEMO_ACCOUNTS.operator.email]);
  });

  it("keeps the Mindanao platform's organisations out of the alliance", async () => {
    const oea = tenantIdOf(DEMO_COALITIONS.openExtractives.slug);
    const mmcp = tenantIdOf(DEMO_COALITIONS.mindanao.slug);
    const inOea = await withTenant(oea, null, (db) => db.organisation.findMany({ select: { name: true, tenantId: true } }));
    expect(inOea).toHaveLength(80);
    expect(inOea.every((o) => o.tenantId === oea)).toBe(true);
    expect(inOea.map((o) => o.name)).not.toContain("Agusan Marsh Communities Alliance");
    const inMmcp = await withTenant(mmcp, null, (db) => db.organisation.count());
    expect(inMmcp).toBe(12);
  });

  it("lets the shared focal point see both coalitions and nobody else's memberships", async () => {
    const person = await ownerClient().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.focalPoint.email } });
    const oea = tenantIdOf(DEMO_COALITIONS.openExtractives.slug);
    const mine = await withTenant(oea, person.id, (db) =>
      db.membership.findMany({ where: { userId: person.id }, select: { role: true, organisationId: true } }),
    );
    expect(mine).toEqual([{ role: "FOCAL_POINT", organisationId: expect.any(String) }]);
    const roles = await ownerClient().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.user_id', ${person.id}, true)`;
      return tx.$queryRaw<{ slug: string; role: string }[]>`
        SELECT t.slug, m.role::text AS role FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE m.user_id = ${person.id}::uuid ORDER BY t.slug`;
    });
    expect(roles).toEqual([
      { slug: "mindanao-communities", role: "MEMBER" },
      { slug: "open-extractives", role: "FOCAL_POINT" },
    ]);
  });

  it("writes the members module's settings for both coalitions, lists matching the profiles", async () => {
    const rows = await ownerClient().$queryRaw<{ slug: string; enabled: boolean; settings: Record<string, string | boolean> }[]>`
      SELECT t.slug, s.enabled, s.settings FROM module_settings s JOIN tenants t ON t.id = s.tenant_id WHERE s.module_id = 'members' ORDER BY t.slug`;
    expect(rows.map((r) => [r.slug, r.enabled, r.settings.publicDirectory])).toEqual([
      ["mindanao-communities", true, false],
      ["open-extractives", true, false],
    ]);
    const lists = rows[1]!.settings;
    const listed = (name: string) => String(lists[name]).split("\n");
    for (const o of openExtractivesOrganisations()) {
      expect(listed("regions")).toContain(o.region);
      expect(listed("organisationTypes")).toContain(o.type);
      for (const s of o.sectors) expect(listed("sectors")).toContain(s);
      for (const t of o.themes) expect(listed("themes")).toContain(t);
      for (const l of o.languages) expect(listed("languages")).toContain(l);
    }
  });

  it("gives the directory varied profiles: provinces, themes, languages, offers and needs, contact addresses", () => {
    const all = openExtractivesOrganisations();
    expect(all.every((o) => o.province && o.themes.length && o.languages.length && o.needs && o.email.startsWith("info@"))).toBe(true);
    expect(new Set(all.map((o) => o.email)).size).toBe(80);
    expect(new Set(all.flatMap((o) => o.themes)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(all.flatMap((o) => o.languages)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(all.map((o) => o.province)).size).toBeGreaterThanOrEqual(30);
    expect(all.filter((o) => o.offers).length).toBeGreaterThan(60);
    expect(all.filter((o) => !o.offers).length).toBeGreaterThan(0);
  });

  it("produces the same organisations on every call", () => {
    expect(openExtractivesOrganisations()).toEqual(openExtractivesOrganisations());
    const types = new Set(openExtractivesOrganisations().map((o) => o.type));
    expect(types.size).toBe(8);
  });
});
