import { disconnectAppClient } from "@commons/db";
import { disconnectOwnerClient } from "@commons/db/admin";
import { createLogger } from "@commons/log";
import { startWorker, type RunningWorker } from "./start.server.ts";

const log = createLogger("worker");
// Each delivery in flight holds an owner connection (its row lock) for the SMTP exchange.
process.env.DB_OWNER_POOL_MAX ??= "14";

let running: RunningWorker;
try {
  running = await startWorker({ log });
} catch (error) {
  log.error("worker could not start", { error });
  process.exit(1);
}

// A job stuck past this is not lost: its lock expires and another worker takes it over.
const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 60_000);
let stopping = false;

async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log.info("stopping: waiting for running jobs to finish", { signal });
  setTimeout(() => {
    log.error("running jobs did not finish in time; exiting", { timeoutMs: SHUTDOWN_TIMEOUT_MS });
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  try {
    await running.stop();
    await Promise.all([disconnectOwnerClient(), disconnectAppClient()]);
    process.exit(0);
  } catch (error) {
    log.error("error while stopping", { error });
    process.exit(1);
  }
}

process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
