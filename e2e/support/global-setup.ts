import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FullConfig } from "@playwright/test";
import { disconnectOwnerClient } from "@commons/db/admin";
import { createTestDatabase, prepareTemplate, startTestServer } from "@commons/db/testing";
import { seedDemo } from "@commons/dev";
import { startMailbox } from "@commons/email/mailbox";
import { freePort, logTail, run, startService, stopService, waitForHealthy, waitForLog, type Service } from "./processes.ts";
import { ENV } from "./env.ts";
import { buildReason } from "@commons/dev/build";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function step(message: string) {
  process.stdout.write(`[e2e] ${message}\n`);
}

/**
 * One environment for the whole run: a fresh seeded database, a loopback SMTP server that
 * also writes each message to a folder (tests read it from their own processes), the
 * portal and the worker as child processes. Returns the teardown.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const started = Date.now();
  const runDir = await mkdtemp(path.join(os.tmpdir(), "commons-e2e-"));
  const mailDir = path.join(runDir, "mail");
  await mkdir(mailDir);
  const cleanups: (() => Promise<void>)[] = [];
  const services: Service[] = [];

  const teardown = async () => {
    await Promise.all(services.map((s) => stopService(s)));
    // A service that died during the run explains failing tests: show what it said.
    for (const service of services) {
      if (service.exitCode !== null && service.exitCode !== 0 && service.exitCode !== 143) {
        process.stdout.write(`[e2e] the ${service.name} exited with code ${service.exitCode}\n${logTail(service.name, service.logFile)}\n`);
      }
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => step(`cleanup failed: ${String(error)}`));
    if (!process.env.E2E_KEEP) await rm(runDir, { recursive: true, force: true });
    else step(`kept ${runDir}`);
  };

  try {
    const database = await startTestServer();
    cleanups.push(database.stop);
    const template = await prepareTemplate(database.serverUrl);
    const db = await createTestDatabase(database.serverUrl, template);
    if (!process.env.E2E_KEEP) cleanups.push(db.drop);
    await seedDemo(db.ownerUrl);
    await disconnectOwnerClient();
    step(`database ${db.name} seeded`);

    const mailbox = await startMailbox({ port: 0, dir: mailDir });
    cleanups.push(mailbox.close);

    // The launcher's own check: the same sources (every package, plugin and the module list).
    if (process.env.E2E_BUILD === "1" || buildReason()) {
      step("building the portal (missing, older than its sources, or E2E_BUILD=1)");
      const buildLog = path.join(runDir, "build.log");
      const code = await run("npm", ["run", "build", "-w", "@commons/portal"], { cwd: repoRoot, env: process.env, logFile: buildLog });
      if (code !== 0) throw new Error(`The portal build failed (exit code ${code}).\n${logTail("build", buildLog, 80)}`);
    }

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.ownerUrl,
      PUBLIC_URL: baseUrl,
      SMTP_URL: mailbox.url,
      MAILBOX_DIR: mailDir,
      NODE_ENV: "development",
      PORT: String(port),
      SHUTDOWN_TIMEOUT_MS: "5000",
    };
    delete env.REDIS_URL;
    delete env.TEST_DATABASE_URL;

    const portal = startService("portal", ["--import", "tsx", "apps/portal/server.ts"], { cwd: repoRoot, env, logFile: path.join(runDir, "portal.log") });
    services.push(portal);
    const worker = startService("worker", ["--import", "tsx", "apps/worker/src/main.ts"], { cwd: repoRoot, env, logFile: path.join(runDir, "worker.log") });
    services.push(worker);
    try {
      await Promise.all([waitForHealthy(`${baseUrl}/healthz`, portal, 60_000), waitForLog(worker, "worker started", 60_000)]);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${logTail("portal", portal.logFile)}\n${logTail("worker", worker.logFile)}`, { cause: error });
    }

    // Inherited by the test workers, which Playwright starts after this function.
    process.env[ENV.baseUrl] = baseUrl;
    process.env[ENV.mailDir] = mailDir;
    process.env[ENV.portalLog] = portal.logFile;
    process.env[ENV.workerLog] = worker.logFile;
    process.env[ENV.databaseUrl] = db.ownerUrl;
    step(`portal at ${baseUrl}, worker relaying, mailbox ${mailbox.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
