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
import { MODULES } from "@commons/portal/modules";
import type { Module } from "@commons/plugin-sdk";
import { MODULE_JOBS_QUEUE, processModuleJob, syncModuleJobSchedulers, type ModuleJobData } from "@commons/plugin-sdk/server";
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
  /** The installed modules (default: apps/portal's MODULES); tests pass their own. */
  modules?: readonly Module[];
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

  const modules = options.modules ?? MODULES;
  const queue = createQueue<EventJobData>(EVENTS_QUEUE, { prefix, backend });
  const worker = createWorker<EventJobData>(EVENTS_QUEUE, createEventProcessor({ ownerClient: owner, transport, publicUrl, log }, modules), {
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

  // Modules' scheduled jobs: one scheduler per declared job; each tick fans out per coalition.
  const moduleQueue = createQueue<ModuleJobData>(MODULE_JOBS_QUEUE, { prefix, backend });
  const schedules = await syncModuleJobSchedulers(moduleQueue, modules);
  const moduleLog = log.child({ component: "module-jobs" });
  const moduleWorker = createWorker<ModuleJobData>(
    MODULE_JOBS_QUEUE,
    // A scheduler's job is created ahead of its time with a delay: the two give the tick's time.
    async (job) => processModuleJob(modules, { data: job.data, scheduledAt: job.timestamp + (job.delay ?? 0) }, { ownerClient: owner, queue: moduleQueue, log: moduleLog, publicUrl }),
    { concurrency: 2, prefix, backend },
  );
  moduleWorker.on("failed", (job, error) => moduleLog.warn("module job failed", { jobId: job?.id, module: job?.data.module, job: job?.data.job, tenantId: job?.data.tenantId, error }));
  moduleWorker.on("error", (error) => moduleLog.error("module job worker error", { error }));
  await moduleWorker.waitUntilReady();

  const relay = startOutboxRelay({ ownerClient: owner, queue, intervalMs: options.relayIntervalMs, log: log.child({ component: "outbox-relay" }) });
  log.info("worker started", { backend, queue: EVENTS_QUEUE, concurrency, publicUrl, moduleJobs: schedules.map((s) => `${s.id} (${s.cron} UTC)`) });

  return {
    backend,
    async stop() {
      await relay.stop();
      await Promise.all([worker.close(), moduleWorker.close()]);
      await Promise.all([queue.close(), moduleQueue.close()]);
      transport.close();
      await closeQueueConnections();
      log.info("worker stopped");
    },
  };
}
