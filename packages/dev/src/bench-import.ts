/**
 * `npx tsx packages/dev/src/bench-import.ts [rows]`: how long the members module takes to
 * upload, preview and import a spreadsheet of 10,000 organisation rows (then the same file
 * again, every row changed, and as many people invited), through its own routes, on a
 * throwaway database (DATABASE_URL's server when set, else the embedded test server).
 * A measurement, not a test: it fails only when it cannot measure.
 */
import { disconnectAppClient } from "@commons/db";
import { disconnectOwnerClient } from "@commons/db/admin";
import { createTestDatabase, prepareTemplate, startTestServer } from "@commons/db/testing";

const rows = Number(process.argv[2] ?? 10_000);
const server = await startTestServer();
const database = await createTestDatabase(server.serverUrl, await prepareTemplate(server.serverUrl));
process.env.DATABASE_URL = database.ownerUrl;
process.env.APP_DATABASE_URL = database.appUrl;
try {
  const { runImportBench } = await import("@commons/members/import-bench");
  const steps = await runImportBench({ rows });
  const width = Math.max(...steps.map((s) => s.step.length));
  console.log(`Spreadsheet import, ${rows.toLocaleString("en")} rows (the import's transaction may take 15 s at most):`);
  for (const s of steps) console.log(`  ${s.step.padEnd(width)}  ${String(s.ms).padStart(6)} ms  ${s.detail}`);
} finally {
  await disconnectAppClient();
  await disconnectOwnerClient();
  await database.drop();
  await server.stop();
}
