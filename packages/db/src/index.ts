export { Prisma } from "./generated/client.ts";
export type * from "./generated/models.ts";
export { Role, AccountTokenPurpose } from "./generated/enums.ts";
export { appClient, withTenant, withAccount, disconnectAppClient } from "./app-client.server.ts";
export { currentScope, scopedTenantId, MissingTenantError, type Db, type TransactionOptions } from "./tenant-scope.server.ts";
export { TENANT_MODELS } from "./tenant-models.ts";
export { APP_ROLE, appDatabaseUrl, ownerDatabaseUrl, deriveAppUrl } from "./urls.server.ts";
export { withSqlCount, sqlCountEnabled } from "./sql-count.server.ts";
export { pendingMigrations } from "./migrate.server.ts";
