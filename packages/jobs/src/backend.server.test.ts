import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@commons/db/test-database";
import { assertRedisIsDurable, closeQueueConnections, createQueue, createWorker, queueBackendName, type QueueBackendName } from "./backend.server.ts";

useTestDatabase();
afterAll(() => closeQueueConnections());

async function roundTrip(backend: QueueBackendName) {
  const prefix = `t${randomBytes(4).toString("hex")}`;
  const queue = createQueue<{ n: number }>("round-trip", { backend, prefix });
  const seen: number[] = [];
  const worker = createWorker<{ n: number }>("round-trip", async (job) => {
    seen.push(job.data.n);
    return job.data.n * 2;
  }, { backend, prefix, concurrency: 2 });
  try {
    await queue.addBulk([1, 2, 3].map((n) => ({ name: "double", data: { n }, opts: { jobId: `job-${n}` } })));
    // The same id again is ignored: this is what makes a re-relayed outbox row harmless.
    await queue.add("double", { n: 1 }, { jobId: "job-1" });
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(3);
    await expect.poll(async () => (await queue.getJobCounts("completed")).completed, { timeout: 5_000 }).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3]);
    expect((await queue.getJob("job-2"))?.returnvalue).toBe(4);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

describe("queue backends", () => {
  it("picks Redis only when REDIS_URL is set", () => {
    expect(queueBackendName({})).toBe("postgres");
    expect(queueBackendName({ REDIS_URL: "redis://127.0.0.1:6379" })).toBe("redis");
  });

  it("processes a job end to end on PostgreSQL", () => roundTrip("postgres"));

  describe.runIf(process.env.REDIS_URL)("Redis", () => {
    it("processes a job end to end on Redis", () => roundTrip("redis"));

    it("refuses a Redis that could lose jobs", async () => {
      const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
      try {
        const [, appendonly] = (await redis.call("CONFIG", "GET", "appendonly")) as string[];
        const [, policy] = (await redis.call("CONFIG", "GET", "maxmemory-policy")) as string[];
        if (appendonly === "yes" && policy === "noeviction") {
          await expect(assertRedisIsDurable(redis)).resolves.toBeUndefined();
        } else {
          await expect(assertRedisIsDurable(redis)).rejects.toThrow(/not safe for jobs in production/);
        }
      } finally {
        redis.disconnect();
      }
    });
  });
});
