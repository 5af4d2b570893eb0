import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import type { Answer } from "../questions/kinds.ts";
import type { Db } from "./access.server.ts";
import type { FollowT } from "./i18n.ts";
import type { ResultQuestion } from "./results.server.ts";

export type ExportFormat = "csv" | "xlsx";

/** More than any consultation has; a bound so one request cannot ask for everything twice over. */
const EXPORT_LIMIT = 50_000;

/** Cells a spreadsheet would run as a formula (or a DDE command) start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

const safeCell = (value: string | number) => (typeof value === "number" ? value : FORMULA_START.test(value) ? `'${value}` : value);

interface SubmittedRow {
  name: string | null;
  submitted_at: Date | null;
  answers: Record<string, Answer> | null;
}

/**
 * Every submitted answer, one row per respondent and one column per question (a yes/no
 * question has a second column for its comment). Names are read only when the visibility
 * allows the secretariat to know whose answer is whose: an anonymous consultation's export
 * has no name column, and its rows come in an order (by response id, a random uuid) that
 * follows neither names nor submission times.
 */
export async function answersTable(db: Db, tenantId: string, consultationId: string, questions: readonly ResultQuestion[], named: boolean, t: FollowT) {
  const rows = await db.$queryRaw<SubmittedRow[]>`
    SELECT CASE WHEN ${named}::boolean THEN CASE WHEN r.respondent_key LIKE 'user:%' THEN u.name ELSE o.name END END AS name,
           CASE WHEN ${named}::boolean THEN r.submitted_at END AS submitted_at,
           r.answers
    FROM consultations_responses r
    LEFT JOIN organisations o ON ${named}::boolean AND o.tenant_id = r.tenant_id AND o.id = r.organisation_id
    LEFT JOIN memberships m ON ${named}::boolean AND m.tenant_id = r.tenant_id AND m.user_id = r.user_id
    LEFT JOIN users u ON u.id = m.user_id
    WHERE r.tenant_id = ${tenantId}::uuid AND r.consultation_id = ${consultationId}::uuid AND r.status = 'SUBMITTED'
    ORDER BY CASE WHEN ${named}::boolean THEN COALESCE(u.name, o.name) END, r.id
    LIMIT ${EXPORT_LIMIT}`;
  const header: string[] = named ? [t("consultations.follow.export.respondent"), t("consultations.follow.export.submittedAt")] : [];
  for (const q of questions) {
    header.push(q.prompt);
    if (q.kind === "YES_NO") header.push(t("consultations.follow.export.comment", { prompt: q.prompt }));
  }
  const body = rows.map((row) => {
    const cells: (string | number)[] = named ? [row.name ?? "", row.submitted_at ? row.submitted_at.toISOString() : ""] : [];
    const answers = row.answers ?? {};
    for (const q of questions) {
      const a = answers[q.id];
      if (q.kind === "YES_NO") {
        const yesNo = a && typeof a === "object" && !Array.isArray(a) ? a : null;
        cells.push(yesNo ? t(yesNo.answer === "yes" ? "consultations.follow.results.yes" : "consultations.follow.results.no") : "", yesNo?.comment ?? "");
      } else if (Array.isArray(a)) {
        cells.push(q.kind === "RANKING" ? a.map((o, i) => `${i + 1}. ${o}`).join("; ") : a.join("; "));
      } else if (typeof a === "number" || typeof a === "string") {
        cells.push(a);
      } else {
        cells.push("");
      }
    }
    return cells;
  });
  return { header, body };
}

/** CSV with a UTF-8 byte-order mark, so spreadsheet programs read non-Latin text right. */
export function toCsv(header: readonly string[], body: readonly (string | number)[][]): string {
  return `\uFEFF${stringify([header.map(safeCell), ...body.map((r) => r.map(safeCell))], { record_delimiter: "\r\n" })}`;
}

/** An .xlsx workbook of one sheet; every cell is a string or number, never a formula. */
export async function toXlsx(sheet: string, header: readonly string[], body: readonly (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1");
  worksheet.addRow([...header]).font = { bold: true };
  for (const row of body) worksheet.addRow(row.map(safeCell));
  worksheet.views = [{ state: "frozen", ySplit: 1 }];
  header.forEach((h, i) => {
    worksheet.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function download(bytes: string | Uint8Array, format: ExportFormat, fileName: string): Response {
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return new Response(bytes as string | Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^a-zA-Z0-9._-]/g, "-")}.${format}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
