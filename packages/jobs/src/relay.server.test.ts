import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAccount } from "@commons/db";
import { ownerClient } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { createLogger } from "@commons/log";
import { createQueue, type JobQueue } from "./backend.server.ts";
import { EVENTS_QUEUE, type EventJobData } from "./events.ts";
import { recordEvent } from "./outbox.server.ts";
import { startOutboxRelay } from "./relay.server.ts";

useTestDatabase();
const log = createLogger("relay-test");
let queue: JobQueue<EventJobData>;

beforeAll(() => {
  queue = createQueue<EventJobData>(EVENTS_QUEUE, { backend: "postgres" });
});

afterAll(async () => {
  await queue?.close();
});

async function recordEvents(count: number): Promise<string[]> {
  return withAccount(null, async (db) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(await recordEvent(db, { type: "account.verification_requested", tenantId: null, payload: { userId: randomUUID() } }));
    }
    return ids;
  });
}

async function jobIdsInQueue(): Promise<string[]> {
  const jobs = await queue.getJobs(["waiting", "active", "completed", "failed", "delayed", "prioritized"], 0, 10_000);
  return jobs.map((job) => job.id ?? "").sort();
}

// A relay whose loop never fires on its own, so the test decides when it drains.
const manualRelay = (batch = 100) => startOutboxRelay({ ownerClient: ownerClient(), queue, intervalMs: 60_000, batch, log });

describe("the outbox relay (PostgreSQL backend)", () => {
  it("moves each committed event into the queue once, however often it runs", async () => {
    const ids = await recordEvents(5);
    const relay = manualRelay();
    await relay.stop(); // its first tick already ran
    expect(await relay.drainOnce()).toBe(0);
    expect(await jobIdsInQueue()).toEqual([...ids].sort());
    const job = await queue.getJob(ids[0]!);
    expect(job?.data).toMatchObject({ eventId: ids[0], type: "account.verification_requested", tenantId: null });
    expect(job?.opts).toMatchObject({ attempts: 8, backoff: { type: "exponential", delay: 5000 } });
    const pending = await ownerClient().outboxEvent.count({ where: { relayedAt: null } });
    expect(pending).toBe(0);
  });

  it("shares the work between concurrent relays without doubling a job", async () => {
    const before = (await jobIdsInQueue()).length;
    const ids = await recordEvents(40);
    const relays = [manualRelay(7), manualRelay(7), manualRelay(7)];
    await Promise.all(relays.map((r) => r.stop()));
    const drainUntilEmpty = async (relay: (typeof relays)[number]) => {
      let moved = 0;
      for (let n = await relay.drainOnce(); n > 0; n = await relay.drainOnce()) moved += n;
      return moved;
    };
    await Promise.all(relays.map(drainUntilEmpty));
    expect(await ownerClient().outboxEvent.count({ where: { relayedAt: null } })).toBe(0);
    const all = await jobIdsInQueue();
    expect(all).toHaveLength(before + 40);
    expect(new Set(all).size).toBe(all.length);
    for (const id of ids) expect(all).toContain(id);
  });

  it("does not double a job when a crash made it relay the same row again", async () => {
    const [id] = await recordEvents(1);
    // The crash: the job reached the queue but the transaction marking the row never committed.
    await queue.add("account.verification_requested", { eventId: id!, type: "account.verification_requested", tenantId: null, payload: {} }, { jobId: id! });
    const before = (await jobIdsInQueue()).length;
    const relay = manualRelay();
    await relay.stop();
    expect(await ownerClient().outboxEvent.findUniqueOrThrow({ where: { id: id! } })).toHaveProperty("relayedAt", expect.any(Date));
    expect(await jobIdsInQueue()).toHaveLength(before);
  });

  it("keeps relaying on its own interval until stopped", async () => {
    const relay = startOutboxRelay({ ownerClient: ownerClient(), queue, intervalMs: 50, log });
    try {
      const [id] = await recordEvents(1);
      await expect.poll(() => queue.getJob(id!), { timeout: 5_000 }).toBeTruthy();
    } finally {
      await relay.stop();
    }
  });
});
