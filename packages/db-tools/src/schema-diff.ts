import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Prisma 6.19's CLI carries a WebAssembly schema engine; Prisma 7's needs a native one that
 * cannot be downloaded here. Version 6 only *diffs* schema files into SQL for us; the
 * Prisma 7 client stays the source of truth (docs/decisions/002-*.md).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const PACKAGE_DIR = path.resolve(here, "..");
export const REPO_ROOT = path.resolve(PACKAGE_DIR, "../..");
export const SCHEMA_DIR = path.join(REPO_ROOT, "prisma/schema");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");
export const SNAPSHOT_FILE = path.join(MIGRATIONS_DIR, "schema-snapshot.prisma");
const PRISMA6_CLI = path.join(PACKAGE_DIR, "node_modules/prisma/build/index.js");

/**
 * Concatenates a schema folder, modules' linked files in its subfolders included, into one
 * file for Prisma 6 (which then gets the `url` line it requires).
 */
export async function flattenSchema(schemaDir = SCHEMA_DIR): Promise<string> {
  const files = (await readdir(schemaDir, { recursive: true })).filter((f) => f.endsWith(".prisma")).sort();
  const parts = await Promise.all(files.map(async (f) => `// ---- ${f}\n${await readFile(path.join(schemaDir, f), "utf8")}`));
  return parts.join("\n");
}

function withUrl(schema: string): string {
  return schema.replace(/datasource\s+db\s*\{([^}]*)\}/, (_m, body: string) =>
    body.includes("url") ? `datasource db {${body}}` : `datasource db {${body}  url = env("DATABASE_URL")\n}`,
  );
}

function runPrisma6(args: string[], cwd: string, databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA6_CLI, ...args], {
      cwd,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // Any existing file stops the CLI from trying to download engines it won't use.
        PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`prisma ${args.join(" ")} failed:\n${err}${out}`))));
  });
}

/**
 * SQL that turns the `from` schema (or an empty database) into the `to` schema. The CLI
 * connects to `databaseUrl` through its pg adapter but changes nothing there.
 */
export async function diffSchemas(options: { from: string | "empty"; to: string; databaseUrl: string }): Promise<string> {
  const work = await mkdtemp(path.join(PACKAGE_DIR, ".tmp-"));
  try {
    await mkdir(work, { recursive: true });
    await writeFile(path.join(work, "to.prisma"), withUrl(options.to));
    const args = ["migrate", "diff", "--config", path.join(work, "prisma.config.ts")];
    if (options.from === "empty") args.push("--from-empty");
    else {
      await writeFile(path.join(work, "from.prisma"), withUrl(options.from));
      args.push("--from-schema-datamodel", path.join(work, "from.prisma"));
    }
    args.push("--to-schema-datamodel", path.join(work, "to.prisma"), "--script");
    await writeFile(
      path.join(work, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(path.join(work, "to.prisma"))},
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL, idleTimeoutMillis: 50 }),
});
`,
    );
    const out = await runPrisma6(args, PACKAGE_DIR, options.databaseUrl);
    return out.replace(/^Loaded Prisma config.*\n+/m, "");
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

