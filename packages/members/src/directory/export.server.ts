import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";

export type ExportFormat = "csv" | "xlsx";

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | readonly string[];
}

/** Cells a spreadsheet would run as a formula (or a DDE command) start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text, with list values joined and anything formula-like made inert with a leading '. */
export function safeCell(value: string | number | null | readonly string[]): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = typeof value === "string" ? value : value.join("; ");
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV with a UTF-8 byte-order mark, so spreadsheet programs read non-Latin names right. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[]): string {
  const body = stringify([columns.map((c) => safeCell(c.header)), ...rows.map((row) => columns.map((c) => safeCell(c.value(row))))], { record_delimiter: "\r\n" });
  return `\uFEFF${body}`;
}

/** An .xlsx workbook of one sheet; every cell is a string or number, never a formula. */
export async function toXlsx<Row>(sheet: string, rows: readonly Row[], columns: readonly ExportColumn<Row>[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1");
  worksheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) {
    worksheet.addRow(
      columns.map((c) => {
        const value = c.value(row);
        // A leading '=' in a string cell is still just text in .xlsx; the guard keeps both formats alike.
        return typeof value === "number" ? value : safeCell(value);
      }),
    );
  }
  worksheet.views = [{ state: "frozen", ySplit: 1 }];
  columns.forEach((c, i) => {
    worksheet.getColumn(i + 1).width = Math.min(60, Math.max(12, c.header.length + 2));
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
