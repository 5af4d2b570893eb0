import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ownerClient, ownerInTenant } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { closeQueueConnections, createQueue, queueBackendName, type QueueBackendName } from "@commons/jobs";
import { definePlugin, type Module } from "../manifest.ts";
import { MODULE_JOBS_QUEUE, processModuleJob, syncModuleJobSchedulers, type ModuleJobData } from "./jobs.server.ts";
import { defineModuleServer, type ModuleServer } from "./module-server.server.ts";

useTestDatabase();
afterAll(() => closeQueueConnections());

const settings = z.object({ label: z.string().default("tally") });
const entries: { server?: ModuleServer<typeof settings> } = {};
const manifest: Module<typeof settings> = definePlugin(pathToFileURL(path.join(import.meta.dirname, "tally.ts")).href, {
  id: "tally",
  name: "Tally",
  description: "Counts members every morning",
  version: "1.0.0",
  portal: "*",
  settings,
  jobs: { "count-members": { description: "Count members", cron: "0 6 * * *" } },
  server: async () => ({ default: entries.server }),
});
entries.server = defineModuleServer(manifest, {
  jobs: {
    "count-members": async ({ db, tenantId, settings, scheduledAt }) => {
      await db.activity.create({ data: { tenantId, action: "tally.counted", data: { label: settings.label, at: scheduledAt.toISOString(), members: await db.membership.count() } } });
    },
  },
});

const log = { info: () => undefined, warn: () => undefined };

async function coalition(enabled: boolean | null): Promise<string> {
  const tenant = await ownerClient().tenant.create({ data: { slug: `t-${randomUUID().slice(0, 8)}`, name: "Coalition" } });
  if (enabled !== null) {
    await ownerInTenant(tenant.id, (tx) => tx.moduleSetting.create({ data: { tenantId: tenant.id, moduleId: "tally", enabled, settings: { label: "Tuesday" } } }));
  }
  return tenant.id;
}

const counted = (tenantId: string) =>
  ownerInTenant(tenantId, (tx) => tx.activity.findMany({ where: { tenantId, action: "tally.counted" }, select: { data: true } }));

async function fanOut(backend: QueueBackendName) {
  const prefix = `mj${randomBytes(4).toString("hex")}`;
  const queue = createQueue<ModuleJobData>(MODULE_JOBS_QUEUE, { backend, prefix });
  try {
    const [on, off, never] = [await coalition(true), await coalition(false), await coalition(null)];
    const deps = { ownerClient: ownerClient(), queue, log };
    const scheduledAt = Date.parse("2026-11-24T06:00:00Z");

    const tick = await processModuleJob([manifest], { data: { module: "tally", job: "count-members" }, scheduledAt }, deps);
    const tenants = await ownerClient().tenant.count();
    expect(tick).toEqual({ kind: "fanned-out", runs: tenants });
    // A retried tick (same scheduled time) adds no second run for anyone.
    await processModuleJob([manifest], { data: { module: "tally", job: "count-members" }, scheduledAt }, deps);
    const runs = await queue.getJobs(["waiting", "prioritized"]);
    expect(runs).toHaveLength(tenants);

    const outcomes = new Map<string, string>();
    for (const run of runs) outcomes.set(run.data.tenantId!, (await processModuleJob([manifest], { data: run.data, scheduledAt: run.timestamp }, deps)).kind);
    expect([outcomes.get(on), outcomes.get(off), outcomes.get(never)]).toEqual(["ran", "module-off", "module-off"]);
    expect(await counted(on)).toEqual([{ data: { label: "Tuesday", at: "2026-11-24T06:00:00.000Z", members: 0 } }]);
    expect(await counted(off)).toEqual([]);
    expect(await counted(never)).toEqual([]);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

async function schedulers(backend: QueueBackendName) {
  const prefix = `ms${randomBytes(4).toString("hex")}`;
  const queue = createQueue<ModuleJobData>(MODULE_JOBS_QUEUE, { backend, prefix });
  try {
    await queue.upsertJobScheduler("uninstalled.old-job", { pattern: "0 1 * * *", tz: "UTC" }, { name: "tick", data: { module: "uninstalled", job: "old-job" } });
    expect(await syncModuleJobSchedulers(queue, [manifest])).toEqual([{ id: "tally.count-members", module: "tally", job: "count-members", cron: "0 6 * * *" }]);
    const kept = await queue.getJobSchedulers();
    expect(kept.map((s) => [s.key, s.pattern])).toEqual([["tally.count-members", "0 6 * * *"]]);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

describe("module jobs", () => {
  it("fan a tick out to one run per coalition; only coalitions with the module on run it", () => fanOut("postgres"));
  it("keep one scheduler per declared job and drop those of uninstalled modules", () => schedulers("postgres"));
  it("ignore a job of a module that is not installed", async () => {
    const queue = createQueue<ModuleJobData>(MODULE_JOBS_QUEUE, { backend: queueBackendName(), prefix: `mn${randomBytes(4).toString("hex")}` });
    try {
      const outcome = await processModuleJob([manifest], { data: { module: "gone", job: "count-members" }, scheduledAt: Date.now() }, { ownerClient: ownerClient(), queue, log });
      expect(outcome).toEqual({ kind: "not-installed" });
    } finally {
      await queue.close();
    }
  });

  describe.runIf(process.env.REDIS_URL)("on Redis", () => {
    it("fan out the same way", () => fanOut("redis"));
    it("keep schedulers the same way", () => schedulers("redis"));
  });
});
