import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./test-database.ts";
import { ownerClient } from "./admin.server.ts";
import { appClient, withAccount, withTenant } from "./app-client.server.ts";
import { MissingTenantError } from "./tenant-scope.server.ts";

const database = useTestDatabase();
const tenantA = randomUUID();
const tenantB = randomUUID();
const person = randomUUID();

beforeAll(async () => {
  const owner = ownerClient();
  await owner.tenant.createMany({
    data: [
      { id: tenantA, slug: "alpha", name: "Alpha network" },
      { id: tenantB, slug: "beta", name: "Beta network" },
    ],
  });
  await owner.user.create({ data: { id: person, email: "p@example.org", name: "P" } });
  for (const [tenantId, name] of [[tenantA, "Alpha Org"], [tenantB, "Beta Org"]] as const) {
    await owner.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      await tx.organisation.create({ data: { tenantId, name, type: "NGO", region: "North" } });
    });
  }
  await withTenant(tenantA, null, (db) => db.membership.create({ data: { userId: person, role: "MEMBER" } as never }));
});

/** Connects as the app role and runs raw SQL: no scoped layer in the way. */
async function asAppRole<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.current.appUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("wall two: row-level security on its own", () => {
  it("returns no rows of another tenant when the setting names the wrong tenant", async () => {
    const rows = await asAppRole(async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [tenantB]);
      const r = await c.query("SELECT name FROM organisations WHERE tenant_id = $1", [tenantA]);
      await c.query("COMMIT");
      return r.rows;
    });
    expect(rows).toEqual([]);
  });

  it("returns no rows at all when no tenant is set", async () => {
    const rows = await asAppRole((c) => c.query("SELECT name FROM organisations").then((r) => r.rows));
    expect(rows).toEqual([]);
  });

  it("refuses to write a row into another tenant (WITH CHECK)", async () => {
    const attempt = asAppRole(async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [tenantB]);
      await c.query("INSERT INTO organisations (id, tenant_id, name, type, region) VALUES ($1, $2, 'Sneaky', 'NGO', 'X')", [randomUUID(), tenantA]);
    });
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it("refuses to move a row into another tenant by UPDATE", async () => {
    const attempt = asAppRole(async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [tenantB]);
      await c.query("UPDATE organisations SET tenant_id = $1", [tenantA]);
    });
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it("leaves no tenant on a pooled connection after an aborted transaction", async () => {
    await expect(
      withTenant(tenantA, null, async () => {
        throw new Error("request failed half way");
      }),
    ).rejects.toThrow("half way");
    // Same pool, next use without a tenant: the setting was transaction-local.
    const leaked = await appClient().$queryRaw<{ setting: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS setting`;
    expect(leaked[0]?.setting ?? "").toBe("");
    const orgs = await appClient().$queryRaw<unknown[]>`SELECT id FROM organisations`;
    expect(orgs).toEqual([]);
  });

  it("connects as a role that is neither superuser nor BYPASSRLS and owns no table", async () => {
    const role = await asAppRole((c) =>
      c.query(
        `SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*) FROM pg_tables WHERE tableowner = current_user)::int AS owned
           FROM pg_roles r WHERE r.rolname = current_user`,
      ).then((r) => r.rows[0]),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it("cannot read the outbox, only add to it", async () => {
    await expect(asAppRole((c) => c.query("SELECT * FROM outbox_events"))).rejects.toThrow(/permission denied/);
  });
});

describe("wall one: the tenant-scoped data layer", () => {
  it("adds the tenant to reads, so another tenant's row is not found by id", async () => {
    const beta = await ownerClient().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantB}, true)`;
      return tx.organisation.findFirstOrThrow({ where: { name: "Beta Org" } });
    });
    const seen = await withTenant(tenantA, null, (db) => db.organisation.findUnique({ where: { id: beta.id } }));
    expect(seen).toBeNull();
    const all = await withTenant(tenantA, null, (db) => db.organisation.findMany());
    expect(all.map((o) => o.name)).toEqual(["Alpha Org"]);
  });

  it("writes the tenant itself, whatever the caller passes", async () => {
    const created = await withTenant(tenantA, null, (db) =>
      db.organisation.create({ data: { tenantId: tenantB, name: "Gamma", type: "NGO", region: "South" } }),
    );
    expect(created.tenantId).toBe(tenantA);
  });

  it("refuses a tenant model query outside withTenant", async () => {
    await expect(withAccount(null, (db) => db.organisation.findMany())).rejects.toBeInstanceOf(MissingTenantError);
  });

  it("lets a person list their own memberships across coalitions, and nobody else's", async () => {
    const mine = await withAccount(person, (db) => db.membership.findMany({ where: { userId: person } }).catch(() => null));
    // membership is a tenant model, so the scoped layer refuses it without a tenant ...
    expect(mine).toBeNull();
    // ... and the raw policy allows exactly the person's own rows.
    const rows = await asAppRole(async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.user_id', $1, true)", [person]);
      const own = await c.query("SELECT tenant_id FROM memberships");
      await c.query("SELECT set_config('app.user_id', $1, true)", [randomUUID()]);
      const other = await c.query("SELECT tenant_id FROM memberships");
      await c.query("COMMIT");
      return { own: own.rows.length, other: other.rows.length };
    });
    expect(rows).toEqual({ own: 1, other: 0 });
  });
});
