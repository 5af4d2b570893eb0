/**
 * Row-level security for one tenant table (SECURITY.md, "Tenant walls"): enabled and
 * forced, one policy with USING and WITH CHECK, and an empty setting meaning no rows.
 */
export function tenantPolicySql(table: string): string {
  const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
  return [
    `ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY;`,
    `ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY;`,
    `CREATE POLICY tenant_isolation ON "${table}" USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current});`,
  ].join("\n");
}

/** Tables created in `sql` that carry a NOT NULL tenant_id column. */
export function newTenantTables(sql: string): string[] {
  const tables: string[] = [];
  const create = /CREATE TABLE "([^"]+)" \(([\s\S]*?)\n\);/g;
  for (const match of sql.matchAll(create)) {
    if (/"tenant_id" UUID NOT NULL/.test(match[2] ?? "")) tables.push(match[1]!);
  }
  return tables;
}

/** Every table created in `sql`. */
export function newTables(sql: string): string[] {
  return [...sql.matchAll(/CREATE TABLE "([^"]+)"/g)].map((m) => m[1]!);
}

/** The app role gets ordinary access to new tables; RLS narrows it to the tenant's rows. */
export function appRoleGrantSql(table: string): string {
  return `GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO commons_app;`;
}
