import { startEmbeddedPostgres, type EmbeddedServer } from "@commons/db/embedded";
import { POSTGRES_DIR } from "../paths.ts";
import { runningBench, runningLauncher, runningPostmaster, stopLeftoverPostmaster } from "./state.ts";

export interface Database {
  /** Owner URL of the server's `commons` database (or of DATABASE_URL as given). */
  url: string;
  /** Set when this process started the embedded server and must stop it. */
  embedded: EmbeddedServer | null;
  describe: string;
}

/** host:port/database, never the password. */
export function redact(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * DATABASE_URL when given; else the embedded server under .data/postgres. `share` lets a
 * tool (the benchmark) use the server of a running `npm start` instead of failing on its lock.
 */
export async function openDatabase(options: { share: boolean; log?: (line: string) => void }): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: null, describe: `DATABASE_URL (${redact(process.env.DATABASE_URL)})` };
  }
  const launcher = runningLauncher();
  if (options.share && launcher) {
    return { url: launcher.databaseUrl, embedded: null, describe: `the server of the running npm start (${redact(launcher.databaseUrl)})` };
  }
  const leftover = runningPostmaster();
  if (leftover) {
    if (launcher || runningBench()) {
      throw new Error(
        `The embedded PostgreSQL is in use by ${launcher ? `npm start (pid ${launcher.pid})` : "npm run bench"}. Stop that first, or set DATABASE_URL.`,
      );
    }
    options.log?.(`stopping a PostgreSQL left running by an earlier start (pid ${leftover})`);
    await stopLeftoverPostmaster(leftover);
  }
  const server = await startEmbeddedPostgres({ dataDir: POSTGRES_DIR, database: "commons", preferredPort: 5433, log: options.log });
  return { url: server.url, embedded: server, describe: `embedded PostgreSQL on 127.0.0.1:${server.port} (.data/postgres)` };
}
