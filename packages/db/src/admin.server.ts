import { createPrismaClient, type PrismaClient } from "./client.server.ts";
import { ownerDatabaseUrl } from "./urls.server.ts";

/**
 * The owner connection, for work that spans coalitions: the outbox relay, the delivery
 * ledger, platform operators creating coalitions, seeding. Never used for a person's
 * request inside a coalition; those go through withTenant().
 */
let client: PrismaClient | undefined;

export function ownerClient(): PrismaClient {
  // The worker holds a connection per delivery in flight: it raises this to its concurrency.
  client ??= createPrismaClient(ownerDatabaseUrl(), { max: Number(process.env.DB_OWNER_POOL_MAX ?? 4) });
  return client;
}

export async function disconnectOwnerClient(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

/** Owner work inside one coalition: sets app.tenant_id so FORCE'd policies still pass. */
export function ownerInTenant<T>(tenantId: string, work: (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0]) => Promise<T>): Promise<T> {
  return ownerClient().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    return work(tx);
  });
}
