import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Child processes of the end-to-end run (portal, worker, a build): their output goes to a
 * log file, shown when something fails rather than interleaved with Playwright's report.
 */
export interface Service {
  name: string;
  logFile: string;
  child: ChildProcess;
  /** The exit code (or 128 + signal) once it has gone; null while it runs. */
  exitCode: number | null;
  exited: Promise<number>;
}

const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

export function startService(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Service {
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const service: Service = { name, logFile: options.logFile, child, exitCode: null, exited: Promise.resolve(0) };
  service.exited = new Promise((resolve) => {
    const done = (code: number) => {
      if (service.exitCode !== null) return;
      service.exitCode = code;
      log.end();
      resolve(code);
    };
    child.once("exit", (code, signal) => done(code ?? 128 + (signal ? (SIGNALS[signal] ?? 0) : 0)));
    child.once("error", (error) => {
      log.write(`\n${String(error)}\n`);
      done(127);
    });
  });
  return service;
}

/** SIGTERM, then SIGKILL once `graceMs` has passed. */
export async function stopService(service: Service, graceMs = 8_000): Promise<void> {
  if (service.exitCode !== null) return;
  service.child.kill("SIGTERM");
  const timer = setTimeout(() => service.child.kill("SIGKILL"), graceMs);
  await service.exited;
  clearTimeout(timer);
}

/** The last `lines` lines of a log file, framed with the service's name. */
export function logTail(name: string, file: string, lines = 60): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return `── ${name}: no output (${file}) ──`;
  }
  const tail = text.trimEnd().split("\n").slice(-lines).join("\n");
  return `── last ${lines} lines of ${name} output (${file}) ──\n${tail}\n── end of ${name} output ──`;
}

/** Runs a command to completion; its output goes to `logFile`. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<number> {
  return new Promise((resolve) => {
    const log = createWriteStream(options.logFile, { flags: "a" });
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once("error", (error) => {
      log.end(`\n${String(error)}\n`);
      resolve(127);
    });
    child.once("close", (code) => {
      log.end();
      resolve(code ?? 1);
    });
  });
}

/** A TCP port that was free a moment ago, on every interface (as the portal listens). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("Could not find a free port."))));
    });
  });
}

/** Polls `url` until it answers 200; fails early when the service exits. */
export async function waitForHealthy(url: string, service: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exitCode !== null) throw new Error(`The ${service.name} exited with code ${service.exitCode} while starting.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The ${service.name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s.`);
}

/** Waits until a log file contains `text` (the worker has no health endpoint). */
export async function waitForLog(service: Service, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exitCode !== null) throw new Error(`The ${service.name} exited with code ${service.exitCode} while starting.`);
    try {
      if (readFileSync(service.logFile, "utf8").includes(text)) return;
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The ${service.name} did not log "${text}" within ${Math.round(timeoutMs / 1000)} s.`);
}
