import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** The largest upload, and the most data rows and columns one import takes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 100;

export type ParseProblem = "empty" | "headerOnly" | "notSpreadsheet" | "oldExcel" | "unreadableXlsx" | "malformed" | "tooManyRows" | "tooManyColumns";

export type Parsed =
  | { ok: true; format: "csv" | "xlsx"; columns: string[]; rows: string[][] }
  | { ok: false; problem: ParseProblem; line?: number };

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * Reads an uploaded spreadsheet by its content, whatever its name says: an .xlsx is a ZIP
 * (PK…), anything else must be text (CSV in UTF-8, UTF-16 or, failing those, Windows-1252).
 * The first row is the header. Blank rows are kept as [] so that row numbers match what
 * the person sees in their spreadsheet.
 */
export async function parseSpreadsheet(bytes: Uint8Array): Promise<Parsed> {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return readXlsx(bytes);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return { ok: false, problem: "oldExcel" };
  const text = decodeText(bytes);
  if (text === null) return { ok: false, problem: "notSpreadsheet" };
  return readCsv(text);
}

/** Text, or null for content that is not text (a PDF, an image, any binary). */
function decodeText(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return null; // %PDF
  let text: string;
  if (startsWith(bytes, 0xff, 0xfe)) text = new TextDecoder("utf-16le").decode(bytes);
  else if (startsWith(bytes, 0xfe, 0xff)) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
    }
  }
  // Control characters other than tab and line ends do not occur in a spreadsheet's text.
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text.slice(0, 65_536)) ? null : text;
}

/** `,` `;` or tab: whichever the header line holds most of (a one-column file has none). */
function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ",";
}

function readCsv(text: string): Parsed {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // A file that is not a spreadsheet fails on the row limit, not the memory.
      to: MAX_ROWS + 2,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, problem: "malformed", line: (error as CsvError & { lines?: number }).lines };
    throw error;
  }
  return shape(records, "csv");
}

async function readXlsx(bytes: Uint8Array): Promise<Parsed> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: "unreadableXlsx" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return { ok: false, problem: "empty" };
  if (sheet.rowCount > MAX_ROWS + 1) return { ok: false, problem: "tooManyRows" };
  const width = Math.min(sheet.columnCount, MAX_COLUMNS + 1);
  const records: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    records.push(cells);
  }
  return shape(records, "xlsx");
}

/** What a person sees in the cell: dates as YYYY-MM-DD, formulas as their result, links as their text. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "result" in value && value.result instanceof Date) return value.result.toISOString().slice(0, 10);
  if (typeof value === "object" && "error" in value) return "";
  return cell.text ?? "";
}

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/** Header and rows, padded to the same width, trailing empty columns dropped. */
function shape(records: string[][], format: "csv" | "xlsx"): Parsed {
  // Blank lines after the last row are not rows.
  while (records.length && blank(records[records.length - 1]!)) records.pop();
  if (records.length === 0) return { ok: false, problem: "empty" };
  const [header, ...body] = records as [string[], ...string[][]];
  if (body.length > MAX_ROWS) return { ok: false, problem: "tooManyRows" };
  let width = Math.max(header.length, ...body.map((r) => r.length));
  while (width > 0 && !(header[width - 1] ?? "").trim() && body.every((r) => !(r[width - 1] ?? "").trim())) width--;
  if (width > MAX_COLUMNS) return { ok: false, problem: "tooManyColumns" };
  if (body.every(blank)) return { ok: false, problem: "headerOnly" };
  const columns = Array.from({ length: width }, (_, i) => (header[i] ?? "").trim());
  const rows = body.map((r) => (blank(r) ? [] : Array.from({ length: width }, (_, i) => r[i] ?? "")));
  return { ok: true, format, columns, rows };
}
