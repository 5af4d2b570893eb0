import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedServer } from "./embedded.server.ts";
import { enableDevAppRoleLogin, migrate, readMigrations } from "./migrate.server.ts";
import { deriveAppUrl, DEV_APP_ROLE_PASSWORD } from "./urls.server.ts";

/**
 * Tests run against real PostgreSQL: TEST_DATABASE_URL or DATABASE_URL when set (any
 * database on the server; we create our own beside it), else an embedded server under
 * .data/test-postgres. Each test file gets a fresh database copied from a migrated
 * template, so files never see each other's rows.
 */
declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    databaseTemplate: string;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export async function startTestServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { serverUrl: given, stop: async () => undefined };
  const dataDir = path.join(repoRoot, ".data/test-postgres");
  // Another test process (a parallel workspace, a second terminal) may have started it.
  const running = await runningEmbeddedUrl(dataDir, "postgres");
  if (running) return { serverUrl: running, stop: async () => undefined };
  const server: EmbeddedServer = await startEmbeddedPostgres({
    dataDir,
    database: "postgres",
    preferredPort: 5483,
  });
  return { serverUrl: server.url, stop: () => server.stop() };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A migrated template named after the migrations' checksums; built once per change. */
export async function prepareTemplate(serverUrl: string): Promise<string> {
  const migrations = await readMigrations();
  const digest = createHash("sha256").update(migrations.map((m) => m.checksum).join()).digest("hex").slice(0, 12);
  const name = `commons_template_${digest}`;
  const exists = await adminQuery(serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!exists.rowCount) {
    const building = `${name}_build_${randomBytes(3).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${building}"`);
    await migrate(withDatabase(serverUrl, building));
    await adminQuery(serverUrl, `ALTER DATABASE "${building}" RENAME TO "${name}"`).catch(async (error) => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${building}"`);
      const raced = await adminQuery(serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (!raced.rowCount) throw error;
    });
  }
  await enableDevAppRoleLogin(withDatabase(serverUrl, "postgres"), DEV_APP_ROLE_PASSWORD);
  return name;
}

export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(serverUrl: string, template: string): Promise<TestDatabase> {
  const name = `commons_test_${randomBytes(5).toString("hex")}`;
  // PostgreSQL copies a template only while nobody else is connected to it, and a parallel
  // test process may be copying the same one: wait a moment and retry (55006, object in use).
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  const ownerUrl = withDatabase(serverUrl, name);
  return {
    name,
    ownerUrl,
    appUrl: deriveAppUrl(ownerUrl),
    drop: async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
