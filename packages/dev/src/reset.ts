/**
 * `npm run reset`: forget the local database and mailbox so the next `npm start` begins
 * from a fresh demo. Deletes files only; it never stops a running launcher.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { MAILBOX_DIR, POSTGRES_DIR, POSTGRES_PORT_FILE, REPO_ROOT } from "./paths.ts";
import { runningBench, runningLauncher, runningPostmaster } from "./launcher/state.ts";

const launcher = runningLauncher();
const postmaster = runningPostmaster();
const bench = runningBench();
if (launcher || postmaster || bench) {
  const who = launcher
    ? `npm start is running (pid ${launcher.pid})`
    : bench
      ? `npm run bench is running (pid ${bench})`
      : `the embedded PostgreSQL is still running (pid ${postmaster})`;
  process.stderr.write(`✗ ${who}. Stop it first (Ctrl-C in its terminal${launcher || bench ? "" : `, or kill ${postmaster}`}), then run npm run reset again.\n`);
  process.exit(1);
}

const targets = [POSTGRES_DIR, POSTGRES_PORT_FILE, MAILBOX_DIR].filter((p) => existsSync(p));
if (targets.length === 0) {
  process.stdout.write("Nothing to reset: there is no local database or mailbox yet.\n");
} else {
  for (const target of targets) {
    await rm(target, { recursive: true, force: true });
    process.stdout.write(`  deleted ${path.relative(REPO_ROOT, target)}\n`);
  }
  process.stdout.write("Reset done. The next `npm start` creates a fresh database with the demo coalitions.\n");
}
