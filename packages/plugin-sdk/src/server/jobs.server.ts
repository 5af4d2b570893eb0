import { withTenant } from "@commons/db";
import type { JobQueue, OwnerClient } from "@commons/jobs";
import type { Module } from "../manifest.ts";
import { moduleState } from "./module-access.server.ts";
import { hookContext, loadModuleServer, type SubscriberLog } from "./module-server.server.ts";

/**
 * Modules' scheduled jobs. The worker keeps one BullMQ job scheduler per declared job (its
 * cron, in UTC). Each tick fans out into one run per coalition, so one coalition's failure
 * is retried on its own and never repeats another's work; a coalition with the module
 * switched off gets no run.
 */
export const MODULE_JOBS_QUEUE = "module-jobs";

export const MODULE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 30_000 },
  // Kept for a week: a tick's fan-out ids stay known, so a retried tick adds no second run.
  removeOnComplete: { age: 7 * 86_400 },
  removeOnFail: false,
} as const;

/** A tick has no tenantId; a run (one coalition) has one. */
export interface ModuleJobData {
  module: string;
  job: string;
  tenantId?: string;
  /** Epoch ms of the tick this run belongs to. */
  scheduledAt?: number;
}

export interface ModuleJobSchedule {
  /** BullMQ job scheduler id: "<module>.<job>". */
  id: string;
  module: string;
  job: string;
  cron: string;
}

export function moduleJobSchedules(modules: readonly Module[]): ModuleJobSchedule[] {
  return modules.flatMap((m) => Object.entries(m.jobs ?? {}).map(([job, { cron }]) => ({ id: `${m.id}.${job}`, module: m.id, job, cron })));
}

/**
 * Makes the queue's schedulers match the installed modules: adds or updates each declared
 * job and removes the schedulers of jobs (or modules) no longer installed.
 */
export async function syncModuleJobSchedulers(queue: JobQueue<ModuleJobData>, modules: readonly Module[]): Promise<ModuleJobSchedule[]> {
  const schedules = moduleJobSchedules(modules);
  const wanted = new Set(schedules.map((s) => s.id));
  for (const s of schedules) {
    await queue.upsertJobScheduler(s.id, { pattern: s.cron, tz: "UTC" }, { name: "tick", data: { module: s.module, job: s.job }, opts: MODULE_JOB_OPTIONS });
  }
  for (const existing of await queue.getJobSchedulers()) {
    if (existing.key && !wanted.has(existing.key)) await queue.removeJobScheduler(existing.key);
  }
  return schedules;
}

export type ModuleJobOutcome = { kind: "fanned-out"; runs: number } | { kind: "ran" } | { kind: "module-off" } | { kind: "not-installed" };

export interface ModuleJobDeps {
  ownerClient: OwnerClient;
  /** The module-jobs queue, for a tick's fan-out. */
  queue: JobQueue<ModuleJobData>;
  log: SubscriberLog;
  publicUrl?: string;
}

/**
 * The worker's processor for the module-jobs queue. `scheduledAt` of a tick is when the
 * scheduler meant it to run (the same on every retry of that tick).
 */
export async function processModuleJob(modules: readonly Module[], job: { data: ModuleJobData; scheduledAt: number }, deps: ModuleJobDeps): Promise<ModuleJobOutcome> {
  const { module: moduleId, job: jobId, tenantId } = job.data;
  const module = modules.find((m) => m.id === moduleId);
  if (!module?.jobs?.[jobId]) {
    deps.log.warn("a scheduled job of a module that is not installed; ignoring", { module: moduleId, job: jobId });
    return { kind: "not-installed" };
  }
  if (!tenantId) {
    // The tenants table has no row-level security: every coalition is listed, and each run
    // checks inside its own transaction whether the coalition has the module on.
    const tenants = await deps.ownerClient.tenant.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
    await deps.queue.addBulk(
      tenants.map((t) => ({
        name: "run",
        data: { module: moduleId, job: jobId, tenantId: t.id, scheduledAt: job.scheduledAt },
        // BullMQ refuses ":" in custom ids.
        opts: { ...MODULE_JOB_OPTIONS, jobId: `${moduleId}.${jobId}.${t.id}.${job.scheduledAt}` },
      })),
    );
    return { kind: "fanned-out", runs: tenants.length };
  }
  return runModuleJob(module, jobId, tenantId, new Date(job.data.scheduledAt ?? job.scheduledAt), deps);
}

/** One coalition's run of one job: in that coalition's transaction, only if the module is on there. */
export async function runModuleJob(module: Module, jobId: string, tenantId: string, scheduledAt: Date, deps: { log: SubscriberLog; publicUrl?: string }): Promise<ModuleJobOutcome> {
  const server = await loadModuleServer(module);
  const processor = server?.jobs?.[jobId];
  if (!processor) throw new Error(`Module "${module.id}" declares job "${jobId}" but its server entry has no processor for it.`);
  return withTenant(tenantId, null, async (db) => {
    const state = await moduleState(db, module);
    if (!state.enabled) return { kind: "module-off" } as const;
    const base = await hookContext(db, module, tenantId, state.settings, deps);
    await processor({ ...base, scheduledAt });
    return { kind: "ran" } as const;
  });
}
