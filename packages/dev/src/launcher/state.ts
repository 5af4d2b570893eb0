import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR, LAUNCHER_PID_FILE, POSTGRES_DIR } from "../paths.ts";

/**
 * Which of our processes are running, from files under .data/: the launcher's own record
 * (so a second `npm start` or the benchmark can find the first) and PostgreSQL's
 * postmaster.pid.
 */
export interface LauncherRecord {
  pid: number;
  databaseUrl: string;
  portalUrl: string;
  /** Whether the launcher started the embedded server (and will stop it). */
  embedded: boolean;
  /** The portal's and worker's pids, to clean up after a launcher that was killed outright. */
  children?: number[];
}

export const BENCH_PID_FILE = path.join(DATA_DIR, "bench.pid");

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Alive and, where /proc can tell, running `needle` (a pid can be reused after a reboot). */
function ours(pid: number, needle: string): boolean {
  if (!processAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    return readFileSync(cmdline, "utf8").includes(needle);
  } catch {
    return true;
  }
}

export function runningLauncher(): LauncherRecord | null {
  if (!existsSync(LAUNCHER_PID_FILE)) return null;
  try {
    const record = JSON.parse(readFileSync(LAUNCHER_PID_FILE, "utf8")) as LauncherRecord;
    return record.pid !== process.pid && ours(record.pid, "packages/dev") ? record : null;
  } catch {
    return null;
  }
}

/**
 * Services started by a launcher that no longer runs (it was killed with SIGKILL and could
 * not stop them): stop them, or they keep the port and the database busy.
 */
export async function stopOrphanedServices(): Promise<number[]> {
  if (!existsSync(LAUNCHER_PID_FILE)) return [];
  let record: LauncherRecord;
  try {
    record = JSON.parse(readFileSync(LAUNCHER_PID_FILE, "utf8")) as LauncherRecord;
  } catch {
    return [];
  }
  if (ours(record.pid, "packages/dev")) return [];
  const orphans = (record.children ?? []).filter((pid) => ours(pid, "apps/portal/server.ts") || ours(pid, "apps/worker/src/main.ts"));
  for (const pid of orphans) process.kill(pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (orphans.some(processAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of orphans.filter(processAlive)) process.kill(pid, "SIGKILL");
  return orphans;
}

export function runningBench(): number | null {
  if (!existsSync(BENCH_PID_FILE)) return null;
  const pid = Number(readFileSync(BENCH_PID_FILE, "utf8").trim());
  return pid > 0 && pid !== process.pid && ours(pid, "packages/dev") ? pid : null;
}

export async function writeLauncherRecord(record: LauncherRecord): Promise<void> {
  await writeFile(LAUNCHER_PID_FILE, `${JSON.stringify(record)}\n`);
}

export async function removeFileIfOurs(file: string): Promise<void> {
  try {
    const text = readFileSync(file, "utf8");
    if (text.includes(String(process.pid))) await rm(file, { force: true });
  } catch {
    // already gone
  }
}

/** The pid of a live PostgreSQL serving our data directory, if any. */
export function runningPostmaster(dataDir = POSTGRES_DIR): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]?.trim());
  return pid > 0 && ours(pid, "postgres") ? pid : null;
}

/**
 * A PostgreSQL left running by a launcher that was killed (kill -9, a closed laptop lid)
 * would make the next start fail with "lock file already exists": stop it first.
 */
export async function stopLeftoverPostmaster(pid: number, timeoutMs = 15_000): Promise<void> {
  process.kill(pid, "SIGINT"); // PostgreSQL's "fast" shutdown
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) from an earlier run did not stop; stop it with \`kill ${pid}\` and try again.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
