import { createPostgresBackend, Queue } from "bullmq";
import pg from "pg";
import { fromSetup } from "./env.ts";

/**
 * Scheduled jobs without waiting for their cron: a test moves a record's time into the past
 * (what a browser cannot do), then hands the worker one run of a module's job for one
 * coalition, on the queue the worker's schedulers feed ("module-jobs", PostgreSQL backend,
 * as global setup starts the worker without REDIS_URL). The worker runs it as it runs a tick.
 */
const MODULE_JOBS_QUEUE = "module-jobs";

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: fromSetup("databaseUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Closes a proposal's voting window a few minutes ago, past the job's settling minute. */
export async function closeVotingWindow(proposalId: string): Promise<void> {
  await withDatabase(async (client) => {
    const result = await client.query(
      `UPDATE forum_proposals SET opens_at = LEAST(opens_at, now() - interval '10 minutes'), closes_at = now() - interval '5 minutes'
        WHERE id = $1 AND status = 'OPEN'`,
      [proposalId],
    );
    if (result.rowCount !== 1) throw new Error(`No open proposal ${proposalId} to close.`);
  });
}

/** Queues one run of `module`'s job `job` for the coalition `slug`, due now. */
export async function runModuleJobNow(module: string, job: string, slug: string): Promise<void> {
  const tenantId = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>("SELECT id FROM tenants WHERE slug = $1", [slug]);
    if (!rows[0]) throw new Error(`No coalition ${slug}.`);
    return rows[0].id;
  });
  const queue = new Queue(MODULE_JOBS_QUEUE, { connection: { connectionString: fromSetup("databaseUrl"), migrate: false } }, createPostgresBackend);
  try {
    const scheduledAt = Date.now();
    // BullMQ refuses ":" in custom ids.
    await queue.add("run", { module, job, tenantId, scheduledAt }, { jobId: `e2e.${module}.${job}.${tenantId}.${scheduledAt}`, attempts: 1, removeOnComplete: true, removeOnFail: false });
  } finally {
    await queue.close();
  }
}
