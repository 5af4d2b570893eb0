export { diffSchemas, flattenSchema, SCHEMA_DIR, SNAPSHOT_FILE } from "./schema-diff.ts";
export { newTenantTables, tenantPolicySql } from "./rls.ts";
