import type { ownerClient as ownerClientFn } from "@commons/db/admin";
import type { Logger } from "@commons/log";
import type { JobQueue } from "./backend.server.ts";
import { EVENT_JOB_OPTIONS, type EventJobData } from "./events.ts";

export type OwnerClient = ReturnType<typeof ownerClientFn>;

export interface OutboxRelayOptions {
  ownerClient: OwnerClient;
  queue: JobQueue<EventJobData>;
  intervalMs?: number;
  batch?: number;
  log: Logger;
}

export interface OutboxRelay {
  stop(): Promise<void>;
  /** Relays one batch now; returns how many events it moved. */
  drainOnce(): Promise<number>;
}

interface PendingEvent {
  id: string;
  tenant_id: string | null;
  type: string;
  payload: unknown;
}

/**
 * Moves committed outbox rows into BullMQ. The rows stay locked (SKIP LOCKED lets several
 * relays share the work) until the jobs are added and the rows marked; a crash in between
 * rolls the marking back and the rows are relayed again, where jobId = row id makes BullMQ
 * ignore the second copy. At least once into the queue, never twice.
 */
export function startOutboxRelay({ ownerClient, queue, intervalMs = 250, batch = 100, log }: OutboxRelayOptions): OutboxRelay {
  const drainOnce = () =>
    ownerClient.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<PendingEvent[]>`
          SELECT id::text AS id, tenant_id::text AS tenant_id, type, payload
          FROM outbox_events
          WHERE relayed_at IS NULL
          ORDER BY created_at
          LIMIT ${batch}
          FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        await queue.addBulk(
          rows.map((row) => ({
            name: row.type,
            data: { eventId: row.id, type: row.type, tenantId: row.tenant_id, payload: row.payload },
            opts: { ...EVENT_JOB_OPTIONS, jobId: row.id },
          })),
        );
        const ids = rows.map((row) => row.id);
        await tx.$executeRaw`UPDATE outbox_events SET relayed_at = now() WHERE id = ANY(${ids}::uuid[])`;
        return rows.length;
      },
      // Adding a batch to the queue is one round trip, but the first one may also run
      // BullMQ's schema migration.
      { timeout: 60_000, maxWait: 30_000 },
    );

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failures = 0;

  const tick = async () => {
    try {
      // A full batch means more may be waiting: keep going without sleeping.
      while (!stopped && (await drainOnce()) === batch);
      failures = 0;
    } catch (error) {
      failures += 1;
      log.error("outbox relay failed; retrying", { error, failures });
    }
    if (!stopped) {
      const delay = failures ? Math.min(intervalMs * 2 ** failures, 30_000) : intervalMs;
      timer = setTimeout(() => {
        running = tick();
      }, delay);
    }
  };
  running = tick();

  return {
    drainOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
