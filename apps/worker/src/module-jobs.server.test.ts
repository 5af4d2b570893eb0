import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ownerClient, ownerInTenant } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { startMailbox } from "@commons/email/mailbox";
import { closeQueueConnections, createQueue, type QueueBackendName } from "@commons/jobs";
import { createLogger } from "@commons/log";
import { definePlugin, type Module } from "@commons/plugin-sdk";
import { defineModuleServer, MODULE_JOBS_QUEUE, type ModuleJobData, type ModuleServer } from "@commons/plugin-sdk/server";
import { startWorker } from "./start.server.ts";

useTestDatabase();
afterAll(() => closeQueueConnections());

// A module of this test's own: installing it is passing it to startWorker.
const entries: { server?: ModuleServer } = {};
const roll: Module = definePlugin(pathToFileURL(path.join(import.meta.dirname, "roll-call.ts")).href, {
  id: "roll-call",
  name: "Roll call",
  description: "Notes the member count every hour",
  version: "1.0.0",
  portal: "*",
  jobs: { hourly: { description: "Count members", cron: "0 * * * *" } },
  server: async () => ({ default: entries.server }),
});
entries.server = defineModuleServer(roll, {
  jobs: {
    hourly: async ({ db, tenantId, scheduledAt }) => {
      await db.activity.create({ data: { tenantId, action: "roll-call.counted", data: { at: scheduledAt.toISOString() } } });
    },
  },
});

async function coalitionWithRollCall(): Promise<string> {
  const tenant = await ownerClient().tenant.create({ data: { slug: `rc-${randomUUID().slice(0, 8)}`, name: "Coalition" } });
  await ownerInTenant(tenant.id, (tx) => tx.moduleSetting.create({ data: { tenantId: tenant.id, moduleId: "roll-call", enabled: true } }));
  return tenant.id;
}

const counts = (tenantId: string) => ownerInTenant(tenantId, (tx) => tx.activity.count({ where: { tenantId, action: "roll-call.counted" } }));

async function scheduledJobsRun(backend: QueueBackendName) {
  const prefix = `wj${randomBytes(4).toString("hex")}`;
  const mailbox = await startMailbox();
  const worker = await startWorker({ backend, prefix, modules: [roll], smtpUrl: mailbox.url, relayIntervalMs: 60_000, log: createLogger("module-jobs-test") });
  const queue = createQueue<ModuleJobData>(MODULE_JOBS_QUEUE, { backend, prefix });
  try {
    expect((await queue.getJobSchedulers()).map((s) => [s.key, s.pattern, s.tz])).toEqual([["roll-call.hourly", "0 * * * *", "UTC"]]);
    const tenantId = await coalitionWithRollCall();
    // A tick as the scheduler would add it, without waiting for the hour.
    await queue.add("tick", { module: "roll-call", job: "hourly" });
    await expect.poll(() => counts(tenantId), { timeout: 15_000 }).toBe(1);
  } finally {
    await worker.stop();
    await queue.close();
    await mailbox.close();
  }
}

describe("the worker runs modules' scheduled jobs", () => {
  it("on PostgreSQL: registers each declared job's scheduler and runs a tick in every coalition that has the module on", () => scheduledJobsRun("postgres"));
  it.runIf(process.env.REDIS_URL)("on Redis, the same way", () => scheduledJobsRun("redis"));
});
