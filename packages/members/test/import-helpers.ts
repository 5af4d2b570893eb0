import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import type { HarnessPerson, PluginHarness } from "@commons/plugin-sdk/testing";
import * as uploadPage from "../routes/import/import.tsx";
import * as previewPage from "../routes/import/preview.tsx";

/** The fixture: UTF-8 BOM, semicolons, CRLF rows, quoted newlines and quotes, non-Latin names, good and bad rows. */
export const FIXTURE = readFileSync(new URL("./fixtures/organisations-bom-semicolon.csv", import.meta.url));

export function uploadRequest(h: PluginHarness, person: HarnessPerson, file: { name: string; content: string | Uint8Array } | null, kind = "organisations", harness: { path(sub?: string): string } = h) {
  const form = new FormData();
  form.set("kind", kind);
  if (file) form.set("file", new File([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], file.name));
  return person.request(harness.path("import"), { method: "POST", body: form });
}

export function upload(h: PluginHarness, person: HarnessPerson, file: { name: string; content: string | Uint8Array } | null, kind = "organisations") {
  return h.call(uploadPage.action, { request: uploadRequest(h, person, file, kind) });
}

/** Uploads and returns the new import's id (the redirect's last segment). */
export async function uploaded(h: PluginHarness, person: HarnessPerson, file: { name: string; content: string | Uint8Array }, kind = "organisations"): Promise<string> {
  const r = await upload(h, person, file, kind);
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  const location = r.headers.get("Location") ?? "";
  expect(location).toMatch(new RegExp(`^${h.path("import/")}[0-9a-f-]{36}$`));
  return location.split("/").at(-1)!;
}

export function preview(h: PluginHarness, person: HarnessPerson, importId: string, query = "") {
  return h.call(previewPage.loader, { request: person.request(h.path(`import/${importId}${query}`)), params: { importId } });
}

/** The preview loader's data for a page that is known to be a preview (not a report). */
export async function previewData(h: PluginHarness, person: HarnessPerson, importId: string, query = "") {
  const r = await preview(h, person, importId, query);
  expect(r.status).toBe(200);
  const data = r.data as Exclude<Awaited<ReturnType<typeof previewPage.loader>>, Response>;
  return data;
}

export function post(h: PluginHarness, person: HarnessPerson, importId: string, form: Record<string, string>) {
  return h.call(previewPage.action, { request: person.request(h.path(`import/${importId}`), { form }), params: { importId } });
}

/** The mapping as the form sends it, from the preview's current mapping. */
export function mappingForm(mapping: Record<string, number | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([field, index]) => [`map_${field}`, index === undefined ? "" : String(index)]));
}

/** Runs the import with the mapping the preview shows; returns the action's answer. */
export async function importNow(h: PluginHarness, person: HarnessPerson, importId: string) {
  const data = await previewData(h, person, importId);
  return post(h, person, importId, { intent: "import", ...mappingForm(data.preview!.mapping) });
}

export async function xlsx(rows: (string | number | Date)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Members");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function csv(lines: string[]): string {
  return `${lines.join("\n")}\n`;
}
