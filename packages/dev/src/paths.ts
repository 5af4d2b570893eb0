import path from "node:path";
import { fileURLToPath } from "node:url";

/** Everything the launcher keeps between runs lives under <repo>/.data (git-ignored). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const DATA_DIR = path.join(REPO_ROOT, ".data");
export const POSTGRES_DIR = path.join(DATA_DIR, "postgres");
export const POSTGRES_PORT_FILE = `${POSTGRES_DIR}.port`;
export const MAILBOX_DIR = path.join(DATA_DIR, "mailbox");
export const LAUNCHER_PID_FILE = path.join(DATA_DIR, "start.pid");
export const BENCH_DIR = path.join(DATA_DIR, "bench");
