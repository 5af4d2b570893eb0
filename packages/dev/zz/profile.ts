import { spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { startEmbeddedPostgres } from "@commons/db/embedded";
import { deriveAppUrl } from "@commons/db";
const root = path.resolve(import.meta.dirname, "../../..");
const pgServer = await startEmbeddedPostgres({ dataDir: path.join(root, ".data/postgres"), database: "commons_bench" });
process.env.DATABASE_URL = pgServer.url; process.env.APP_DATABASE_URL = deriveAppUrl(pgServer.url);
const { createSession, sessionCookieName } = await import("@commons/auth");
const { bigAdminId } = await import("../src/bench-seed.ts");
const s = await createSession(bigAdminId());
const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/prof", "--import", "tsx", "apps/portal/server.ts"], {
  cwd: root, env: { ...process.env, PORT: "3999", PUBLIC_URL: "http://127.0.0.1:3999", NODE_ENV: "production", LOG_LEVEL: "warn" }, stdio: "inherit" });
await new Promise((r) => setTimeout(r, 4000));
const url = `http://127.0.0.1:3999${process.argv[2] ?? "/c/national-cso-platform/home"}`;
const result = await autocannon({ url, connections: 50, duration: 6, headers: { cookie: `${sessionCookieName(true)}=${s.token}` } });
console.log("req/s", result.requests.average, "non2xx", result.non2xx);
child.kill("SIGTERM"); await new Promise((r) => child.on("exit", r));
await pgServer.stop(); process.exit(0);
