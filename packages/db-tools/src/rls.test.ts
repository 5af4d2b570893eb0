import { describe, expect, it } from "vitest";
import { appRoleGrantSql, newTables, newTenantTables, tenantPolicySql } from "./rls.ts";

describe("row-level security for new migrations", () => {
  it("finds tables created with a NOT NULL tenant_id", () => {
    const sql = `CREATE TABLE "a" (\n    "id" UUID NOT NULL,\n    "tenant_id" UUID NOT NULL\n);\n\nCREATE TABLE "b" (\n    "id" UUID NOT NULL,\n    "tenant_id" UUID\n);`;
    expect(newTenantTables(sql)).toEqual(["a"]);
  });

  it("writes an empty-setting-means-no-rows policy with USING and WITH CHECK", () => {
    const sql = tenantPolicySql("things");
    expect(sql).toContain('FORCE ROW LEVEL SECURITY');
    expect(sql).toMatch(/USING \(tenant_id = NULLIF\(current_setting\('app.tenant_id', true\), ''\)::uuid\) WITH CHECK/);
  });

  it("grants the app role access to every new table", () => {
    expect(newTables('CREATE TABLE "a" (\n);\nCREATE TABLE "b" (\n);')).toEqual(["a", "b"]);
    expect(appRoleGrantSql("a")).toBe('GRANT SELECT, INSERT, UPDATE, DELETE ON "a" TO commons_app;');
  });
});
