import { ownerClient } from "@commons/db/admin";
import { createMailTransport } from "@commons/email";
import {
  assertRedisIsDurable,
  closeQueueConnections,
  createQueue,
  createWorker,
  EVENTS_QUEUE,
  queueBackendName,
  redisConnection,
  startOutboxRelay,
  type EventJobData,
  type QueueBackendName,
} from "@commons/jobs";
import { createLogger, type Logger } from "@commons/log";
import { createEventProcessor } from "./processor.server.ts";

export interface StartWorkerOptions {
  /** Defaults to SMTP_URL. */
  smtpUrl?: string;
  /** Defaults to PUBLIC_URL, then http://localhost:3000. */
  publicUrl?: string;
  concurrency?: number;
  relayIntervalMs?: number;
  /** Queue namespace (Redis key prefix / PostgreSQL schema); tests isolate with it. */
  prefix?: string;
  /** Defaults to Redis when REDIS_URL is set, else PostgreSQL. */
  backend?: QueueBackendName;
  log?: Logger;
}

export interface RunningWorker {
  backend: QueueBackendName;
  /** Stops relaying, lets running jobs finish, closes queue connections. Database clients stay open. */
  stop(): Promise<void>;
}

export async function startWorker(options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const log = options.log ?? createLogger("worker");
  const backend = options.backend ?? queueBackendName();
  if (backend === "redis" && process.env.NODE_ENV === "production") await assertRedisIsDurable(redisConnection());

  const publicUrl = (options.publicUrl ?? process.env.PUBLIC_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  const concurrency = options.concurrency ?? 10;
  const transport = createMailTransport(options.smtpUrl ?? process.env.SMTP_URL);
  const owner = ownerClient();
  const { prefix } = options;

  const queue = createQueue<EventJobData>(EVENTS_QUEUE, { prefix, backend });
  const worker = createWorker<EventJobData>(EVENTS_QUEUE, createEventProcessor({ ownerClient: owner, transport, publicUrl, log }), {
    concurrency,
    prefix,
    backend,
  });
  worker.on("failed", (job, error) => {
    const fields = { jobId: job?.id, type: job?.data.type, attemptsMade: job?.attemptsMade, error };
    const willRetry = job && error.name !== "UnrecoverableError" && job.attemptsMade < (job.opts.attempts ?? 1);
    if (willRetry) log.warn("job failed; will retry", fields);
    else log.error("job failed for good; left in the failed set for an operator", fields);
  });
  worker.on("error", (error) => log.error("queue worker error", { error }));
  await worker.waitUntilReady();

  const relay = startOutboxRelay({ ownerClient: owner, queue, intervalMs: options.relayIntervalMs, log: log.child({ component: "outbox-relay" }) });
  log.info("worker started", { backend, queue: EVENTS_QUEUE, concurrency, publicUrl });

  return {
    backend,
    async stop() {
      await relay.stop();
      await worker.close();
      await queue.close();
      transport.close();
      await closeQueueConnections();
      log.info("worker stopped");
    },
  };
}
