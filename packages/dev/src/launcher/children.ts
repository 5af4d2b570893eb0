import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { REPO_ROOT } from "../paths.ts";
import { formatChildLine } from "./ui.ts";

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or 128 + signal number) once the process has gone. */
  exited: Promise<number>;
  exitCode: number | null;
}

/** Runs a TypeScript entry point under Node with tsx's loader, as the services run in production. */
export function startService(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  options: { prefix?: string; quiet?: boolean } = {},
): Child {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = options.prefix ?? `${name.padEnd(6)} │ `;
  const forward = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
      if (!options.quiet) out.write(`${prefix}${formatChildLine(line)}\n`);
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  const record: Child = { name, process: child, exitCode: null, exited: Promise.resolve(0) };
  record.exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      record.exitCode = code ?? 128 + (signal ? signalNumber(signal) : 0);
      resolve(record.exitCode);
    });
    child.once("error", () => {
      record.exitCode = 127;
      resolve(127);
    });
  });
  return record;
}

/** Runs a TypeScript script to the end; its output comes back for the caller to show. */
export function runScript(entry: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", (error) => resolve({ code: 127, output: `${output}${error.message}` }));
    child.once("exit", (code, signal) => resolve({ code: code ?? 128 + (signal ? signalNumber(signal) : 0), output: output.trim() }));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Partial<Record<NodeJS.Signals, number>>)[signal] ?? 0;
}

/** SIGTERM, then SIGKILL after `graceMs`: the portal drains requests for up to 10 s. */
export async function stopService(child: Child, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null) return;
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Runs a command to completion, keeping its output to show only if it fails. */
export function runQuietly(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.once("error", (error) => resolve({ code: 127, output: String(error) }));
    child.once("close", (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

/** Polls `url` until it answers 200, the child exits, or time runs out. */
export async function waitForHealthy(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new ChildExitedError(child);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The ${child.name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s.`);
}

export class ChildExitedError extends Error {
  constructor(readonly child: Child) {
    super(`The ${child.name} stopped during start-up (exit code ${child.exitCode}); its last lines are above.`);
    this.name = "ChildExitedError";
  }
}
