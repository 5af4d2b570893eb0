import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";

/**
 * A table (a header and rows) as a spreadsheet download, CSV or .xlsx, for the secretariat's
 * exports. Every cell is a string or a number, never a formula: text a spreadsheet would run
 * (=, +, -, @, a tab or a carriage return first) gets a leading ' in both formats.
 */

export type ExportFormat = "csv" | "xlsx";

/** A cell as a module has it: lists are joined with "; ", null is empty. */
export type Cell = string | number | null | readonly string[];

/** Cells a spreadsheet would run as a formula (or a DDE command) start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made inert: numbers stay numbers, lists are joined, anything formula-like gets a leading '. */
export function safeCell(value: Cell): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  const text = typeof value === "string" ? value : value.join("; ");
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV with a UTF-8 byte-order mark, so spreadsheet programs read non-Latin text right. */
function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))], { record_delimiter: "\r\n" })}`;
}

/** An .xlsx workbook of one sheet, its header bold and frozen. */
async function toXlsx(sheet: string, header: readonly string[], rows: readonly (readonly Cell[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1");
  worksheet.addRow([...header]).font = { bold: true };
  // A leading '=' in a string cell is still just text in .xlsx; the guard keeps both formats alike.
  for (const row of rows) worksheet.addRow(row.map(safeCell));
  worksheet.views = [{ state: "frozen", ySplit: 1 }];
  header.forEach((h, i) => {
    worksheet.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The file as a private download named `<fileName>.<format>` (the name reduced to safe characters). */
function download(bytes: string | Uint8Array, format: ExportFormat, fileName: string): Response {
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

/** The table as a CSV or .xlsx download. Build it after the transaction: nothing holds a connection while it is written. */
export async function spreadsheetDownload(format: ExportFormat, table: { fileName: string; sheet: string; header: readonly string[]; rows: readonly (readonly Cell[])[] }): Promise<Response> {
  const bytes = format === "csv" ? toCsv(table.header, table.rows) : await toXlsx(table.sheet, table.header, table.rows);
  return download(bytes, format, table.fileName);
}
