import type { Cell } from "@commons/plugin-sdk/export";

/** One column of a directory export: its header and how a row gives its cell. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => Cell;
}

/** The rows as the header and cells that @commons/plugin-sdk/export writes. */
export function columnsTable<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[]): { header: string[]; rows: Cell[][] } {
  return { header: columns.map((c) => c.header), rows: rows.map((row) => columns.map((c) => c.value(row))) };
}
