import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { countStatement, currentSqlCounter, sqlCountEnabled, type SqlCounter } from "./sql-count.server.ts";
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
  return new PrismaClient({ adapter: new PrismaPg(countingPool(config)) });
}

/**
 * pg hands pooled clients to callbacks that may run in another request's async context,
 * so statements are counted where they are issued: pool.query (plain queries) at call
 * time, and a checked-out client (transactions) against the request that checked it out.
 */
function countingPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const checkedOutBy = new WeakMap<pg.PoolClient, SqlCounter | undefined>();
  const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    countStatement();
    return poolQuery(...args);
  };
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  (pool as { connect: unknown }).connect = async (...args: unknown[]) => {
    if (args.length) return (connect as (...a: unknown[]) => unknown)(...args);
    const counter = currentSqlCounter();
    const client = await connect();
    if (!checkedOutBy.has(client)) {
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as { query: unknown }).query = (...a: unknown[]) => {
        countStatement(checkedOutBy.get(client));
        return query(...a);
      };
      // Back in the pool, pool.query may lend it to anyone: stop counting for this request.
      const release = client.release.bind(client);
      client.release = (error?: Error | boolean) => {
        checkedOutBy.set(client, undefined);
        return release(error);
      };
    }
    checkedOutBy.set(client, counter);
    return client;
  };
  return pool;
}
