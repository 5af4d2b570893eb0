import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { countStatement, sqlCountEnabled } from "./sql-count.server.ts";
import { PrismaClient } from "./generated/client.ts";

export type { PrismaClient };

export interface ClientOptions {
  /** Largest number of pooled connections this client may open. */
  max?: number;
}

/** A Prisma 7 client over node-postgres (no native query engine). */
export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const config = { connectionString, max: options.max ?? 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 };
  if (!sqlCountEnabled()) return new PrismaClient({ adapter: new PrismaPg(config) });
  const pool = new pg.Pool(config);
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      countStatement();
      return query(...args);
    };
  });
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
