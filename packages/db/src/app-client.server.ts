import { createPrismaClient } from "./client.server.ts";
import { appDatabaseUrl } from "./urls.server.ts";
import { createScopedClient, runScoped, type Db, type ScopedClient, type TransactionOptions } from "./tenant-scope.server.ts";

let client: ScopedClient | undefined;

/** The process-wide client, connected as the commons_app role. */
export function appClient(): ScopedClient {
  client ??= createScopedClient(createPrismaClient(appDatabaseUrl(), { max: Number(process.env.DB_POOL_MAX ?? 10) }));
  return client;
}

/** Work on one coalition's rows, as `userId` (or anonymously). */
export function withTenant<T>(
  tenantId: string,
  userId: string | null,
  work: (db: Db) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return runScoped(appClient(), { tenantId, userId }, work, options);
}

/** Work on account-level rows (users, sessions, tokens), and one's own memberships. */
export function withAccount<T>(userId: string | null, work: (db: Db) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return runScoped(appClient(), { tenantId: null, userId }, work, options);
}

export async function disconnectAppClient(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
