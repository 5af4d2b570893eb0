import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { diffSchemas, flattenSchema, MIGRATIONS_DIR, SNAPSHOT_FILE } from "./schema-diff.ts";
import { HAND_WRITTEN_MARKER } from "./hand-written.ts";
import { appRoleGrantSql, newTables, newTenantTables, tenantPolicySql } from "./rls.ts";

/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * from the difference between the schema at the last migration (schema-snapshot.prisma)
 * and prisma/schema now, adds row-level security for every new tenant table, and moves
 * the snapshot forward. Review the SQL before committing it.
 */
async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- <name_in_snake_case>");
    process.exit(2);
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL must point at any reachable PostgreSQL (nothing is changed there).");
    process.exit(2);
  }
  const to = await flattenSchema();
  const from = existsSync(SNAPSHOT_FILE) ? await readFile(SNAPSHOT_FILE, "utf8") : "empty";
  const diff = await diffSchemas({ from, to, databaseUrl });
  if (!/\b(CREATE|ALTER|DROP)\b/.test(diff)) {
    console.log("The schema has not changed since the last migration.");
    return;
  }
  const policies = newTenantTables(diff).map(tenantPolicySql);
  const grants = newTables(diff).map(appRoleGrantSql);
  const sql =
    [
      diff.trim(),
      ...(policies.length ? ["-- Row-level security for new tenant tables", ...policies] : []),
      ...(grants.length ? ["-- The app role's access (edit for tables it must not read, like an outbox)", ...grants] : []),
    ].join("\n\n") + "\n";
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(SNAPSHOT_FILE, to);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  console.log(`SQL the schema cannot express (CHECK constraints, expression indexes) goes at its end, below a line\n  ${HAND_WRITTEN_MARKER}\nso the drift test applies it to both sides.`);
}

await main();
