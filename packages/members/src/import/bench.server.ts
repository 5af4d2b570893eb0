import { createPluginHarness, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../../manifest.ts";
import * as uploadPage from "../../routes/import/import.tsx";
import * as previewPage from "../../routes/import/preview.tsx";

/**
 * Times the import's own routes (upload, preview, import) on a spreadsheet of `rows`
 * organisations, then the same file again (nothing changes), then every row changed (all
 * updates), then as many people invited. Needs DATABASE_URL and APP_DATABASE_URL pointing
 * at a migrated, throwaway database (packages/dev/src/bench-import.ts makes one).
 */
export interface BenchStep {
  step: string;
  ms: number;
  detail: string;
}

function organisationsCsv(rows: number, province: string): string {
  const lines = ["Organisation name,Acronym,Type,Region,Province,Sectors,Email,Website,Founded,Description"];
  for (let i = 0; i < rows; i++) {
    lines.push(`Bench Organisation ${i},BO${i},NGO,Region ${i % 17},${province} ${i % 81},"Mining; Water",org${i}@bench.example,org${i}.bench.example,${1950 + (i % 70)},"Works on mining and water, since ${1950 + (i % 70)}."`);
  }
  return `${lines.join("\n")}\n`;
}

function peopleCsv(rows: number): string {
  const lines = ["Name,Email,Organisation,Role,Title"];
  for (let i = 0; i < rows; i++) lines.push(`Person ${i},person${i}@bench.example,Bench Organisation ${i},${i % 10 ? "Member" : "Focal point"},Officer`);
  return `${lines.join("\n")}\n`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - start), value };
}

async function uploadAndImport(h: PluginHarness, admin: HarnessPerson, name: string, content: string, kind: string, steps: BenchStep[]) {
  const form = new FormData();
  form.set("kind", kind);
  form.set("file", new File([content], name));
  const up = await timed(() => h.call(uploadPage.action, { request: admin.request(h.path("import"), { method: "POST", body: form }) }));
  const importId = (up.value.headers.get("Location") ?? "").split("/").at(-1) ?? "";
  if (up.value.status !== 302) throw new Error(`upload answered ${up.value.status}: ${JSON.stringify(up.value.data)}`);
  steps.push({ step: `${name}: upload and parse`, ms: up.ms, detail: `${(content.length / 1024 / 1024).toFixed(1)} MB` });

  const seen = await timed(() => h.call(previewPage.loader, { request: admin.request(h.path(`import/${importId}`)), params: { importId } }));
  const preview = (seen.value.data as { preview: { mapping: Record<string, number>; summary: { ready: number; unchanged: number; errors: number } } }).preview;
  steps.push({ step: `${name}: preview (check every row)`, ms: seen.ms, detail: `${preview.summary.ready} ready, ${preview.summary.unchanged} unchanged, ${preview.summary.errors} with problems` });

  const mapping = Object.fromEntries(Object.entries(preview.mapping).map(([field, index]) => [`map_${field}`, String(index)]));
  const run = await timed(() => h.call(previewPage.action, { request: admin.request(h.path(`import/${importId}`), { form: { intent: "import", ...mapping } }), params: { importId } }));
  if (run.value.status !== 302) throw new Error(`import answered ${run.value.status}: ${JSON.stringify(run.value.data)}`);
  const report = await h.call(previewPage.loader, { request: admin.request(h.path(`import/${importId}`)), params: { importId } });
  const counts = (report.data as unknown as { done: { counts: Record<string, number> } }).done.counts;
  steps.push({ step: `${name}: import (one transaction)`, ms: run.ms, detail: Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ") });
}

export async function runImportBench({ rows = 10_000 }: { rows?: number } = {}): Promise<BenchStep[]> {
  const h = await createPluginHarness(members);
  const admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  const steps: BenchStep[] = [];
  try {
    await uploadAndImport(h, admin, "organisations.csv", organisationsCsv(rows, "Province"), "organisations", steps);
    await uploadAndImport(h, admin, "organisations-again.csv", organisationsCsv(rows, "Province"), "organisations", steps);
    await uploadAndImport(h, admin, "organisations-changed.csv", organisationsCsv(rows, "District"), "organisations", steps);
    await uploadAndImport(h, admin, "people.csv", peopleCsv(rows), "people", steps);
  } finally {
    await h.close();
  }
  return steps;
}
