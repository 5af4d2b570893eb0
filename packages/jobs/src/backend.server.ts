import {
  createPostgresBackend,
  Queue,
  Worker,
  type ConnectionOptions,
  type DefaultJobOptions,
  type PostgresConnectionOptions,
  type PostgresQueueBackend,
  type JobProgress,
  type Processor,
  type RedisQueueBackend,
} from "bullmq";
import { Redis } from "ioredis";
import { ownerDatabaseUrl } from "@commons/db";

/**
 * BullMQ runs on PostgreSQL unless REDIS_URL is set (DESIGN.md, "Jobs and email"): one
 * database is all a small installation needs; Redis is the way to scale workers out. Both
 * backends present the same Queue and Worker API, so callers never branch on it.
 */
export type QueueBackendName = "postgres" | "redis";

export function queueBackendName(env: NodeJS.ProcessEnv = process.env): QueueBackendName {
  return env.REDIS_URL ? "redis" : "postgres";
}

export interface BackendOptions {
  /** Namespaces queues: the Redis key prefix, or the PostgreSQL schema (default "bullmq"). */
  prefix?: string;
  /** Defaults to queueBackendName(); tests pin it to exercise both. */
  backend?: QueueBackendName;
}

/** A queue or worker on either backend; both offer the same methods. */
export type JobQueue<D> =
  | Queue<D, unknown, string, D, unknown, string, RedisQueueBackend, ConnectionOptions>
  | Queue<D, unknown, string, D, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>;
export type JobWorker<D> =
  | Worker<D, unknown, string, RedisQueueBackend>
  | Worker<D, unknown, string, PostgresQueueBackend, JobProgress, PostgresConnectionOptions>;

// One ioredis client per URL for the whole process: queues and workers share it and
// BullMQ duplicates it for the blocking connection a worker needs. It is ours to close.
const redisClients = new Map<string, Redis>();

export function redisConnection(url: string | undefined = process.env.REDIS_URL): Redis {
  if (!url) throw new Error("REDIS_URL is not set.");
  let client = redisClients.get(url);
  if (!client) {
    // BullMQ requires maxRetriesPerRequest null: its blocking commands must wait out a
    // reconnect instead of failing after a fixed number of retries.
    client = new Redis(url, { maxRetriesPerRequest: null });
    redisClients.set(url, client);
  }
  return client;
}

/** Call after every queue and worker is closed. */
export async function closeQueueConnections(): Promise<void> {
  const clients = [...redisClients.values()];
  redisClients.clear();
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
}

function postgresConnection(prefix: string | undefined) {
  // migrate: true creates or upgrades the bullmq schema on first use; it takes an advisory
  // lock, so several processes starting together are safe.
  return { connectionString: ownerDatabaseUrl(), migrate: true, ...(prefix ? { schema: prefix } : {}) };
}

export function createQueue<D = unknown>(
  name: string,
  options: BackendOptions & { defaultJobOptions?: DefaultJobOptions } = {},
): JobQueue<D> {
  const { prefix, defaultJobOptions, backend = queueBackendName() } = options;
  if (backend === "redis") {
    return new Queue<D, unknown, string, D, unknown, string, RedisQueueBackend, ConnectionOptions>(name, { connection: redisConnection(), defaultJobOptions, ...(prefix ? { prefix } : {}) });
  }
  return new Queue<D, unknown, string, D, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>(
    name,
    { connection: postgresConnection(prefix), defaultJobOptions },
    createPostgresBackend,
  );
}

export function createWorker<D = unknown>(
  name: string,
  processor: Processor<D, unknown, string>,
  options: BackendOptions & { concurrency: number; autorun?: boolean },
): JobWorker<D> {
  const { prefix, concurrency, autorun = true, backend = queueBackendName() } = options;
  if (backend === "redis") {
    return new Worker<D, unknown, string>(name, processor, {
      connection: redisConnection(),
      concurrency,
      autorun,
      ...(prefix ? { prefix } : {}),
    });
  }
  return new Worker<D, unknown, string, PostgresQueueBackend, JobProgress, PostgresConnectionOptions>(
    name,
    processor,
    { connection: postgresConnection(prefix), concurrency, autorun },
    createPostgresBackend,
  );
}

/**
 * Redis as a queue must not lose jobs: without AOF a restart forgets recent ones, and any
 * eviction policy but noeviction silently deletes keys under memory pressure
 * (SECURITY.md, "Delivery"). Checked at worker start in production.
 */
export async function assertRedisIsDurable(connection: Redis): Promise<void> {
  let appendonly: string | undefined;
  let policy: string | undefined;
  try {
    appendonly = ((await connection.call("CONFIG", "GET", "appendonly")) as string[])[1];
    policy = ((await connection.call("CONFIG", "GET", "maxmemory-policy")) as string[])[1];
  } catch (error) {
    throw new Error(
      `Could not read the Redis configuration (CONFIG GET) to check that jobs survive a restart: ${(error as Error).message}. ` +
        "Allow CONFIG GET for the worker's Redis user, or run on PostgreSQL by unsetting REDIS_URL.",
    );
  }
  const problems: string[] = [];
  if (appendonly !== "yes") problems.push(`appendonly is "${appendonly}", needs "yes" (otherwise a restart loses queued jobs)`);
  if (policy !== "noeviction") {
    problems.push(`maxmemory-policy is "${policy}", needs "noeviction" (otherwise Redis deletes jobs when memory runs short)`);
  }
  if (problems.length) {
    throw new Error(`Redis is not safe for jobs in production: ${problems.join("; ")}. See docs/operations.md.`);
  }
}
