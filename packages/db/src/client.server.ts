import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type { PrismaClient };

export interface ClientOptions {
  /** Largest number of pooled connections this client may open. */
  max?: number;
}

/** A Prisma 7 client over node-postgres (no native query engine). */
export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}
