import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./test-database.ts";

const database = useTestDatabase();

describe("every tenant table is behind row-level security", () => {
  it("enables and forces RLS with USING and WITH CHECK on each table with tenant_id NOT NULL", async () => {
    const client = new pg.Client({ connectionString: database.current.ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`
        SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
               bool_and(p.polqual IS NOT NULL) AS has_using, bool_and(p.polwithcheck IS NOT NULL) AS has_check,
               count(p.oid)::int AS policies
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull
          LEFT JOIN pg_policy p ON p.polrelid = c.oid
         WHERE c.relkind = 'r'
         GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity
         ORDER BY c.relname`);
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) {
        expect(row, row.table).toMatchObject({ enabled: true, forced: true, has_using: true, has_check: true });
        expect(row.policies, row.table).toBeGreaterThan(0);
      }
    } finally {
      await client.end();
    }
  });

  it("lets the app role use every table, except those only the owner may read", async () => {
    const client = new pg.Client({ connectionString: database.current.ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ table: string; select: boolean; insert: boolean }>(`
        SELECT c.relname AS table,
               has_table_privilege('commons_app', c.oid, 'SELECT') AS select,
               has_table_privilege('commons_app', c.oid, 'INSERT') AS insert
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         WHERE c.relkind = 'r' ORDER BY c.relname`);
      const ownerOnly: Record<string, { select: boolean; insert: boolean }> = {
        outbox_events: { select: false, insert: true },
        deliveries: { select: false, insert: false },
        tenants: { select: true, insert: false },
        _prisma_migrations: { select: true, insert: false },
      };
      for (const row of rows) {
        expect({ table: row.table, select: row.select, insert: row.insert }).toEqual({ table: row.table, ...(ownerOnly[row.table] ?? { select: true, insert: true }) });
      }
    } finally {
      await client.end();
    }
  });
});
