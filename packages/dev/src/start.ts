/**
 * `npm start`. The work happens in launcher/supervisor.ts, run in its own process group:
 * a terminal's Ctrl-C goes to every process of the foreground group at once, which would
 * stop PostgreSQL while the portal still drains requests. Here we turn Ctrl-C into one
 * SIGTERM for the supervisor, which stops things in order.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT } from "./paths.ts";

const supervisor = path.join(path.dirname(fileURLToPath(import.meta.url)), "launcher/supervisor.ts");

const child = spawn(process.execPath, ["--import", "tsx", supervisor], {
  cwd: REPO_ROOT,
  stdio: ["ignore", "inherit", "inherit", "ipc"],
  detached: true,
});

let signals = 0;
function forward(signal: NodeJS.Signals) {
  signals += 1;
  // First Ctrl-C: stop gracefully. Second: tell the supervisor to stop waiting.
  child.kill(signals === 1 || signal !== "SIGINT" ? "SIGTERM" : "SIGINT");
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, forward);
}

child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
child.on("error", (error) => {
  process.stderr.write(`Could not start the launcher: ${error.message}\n`);
  process.exit(1);
});
