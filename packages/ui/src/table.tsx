import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

/**
 * A data table that scrolls sideways on a phone instead of squeezing, with column headers
 * scoped for screen readers; an empty list shows `empty` instead of a bare header row.
 */
export function Table<Row>({ columns, rows, rowKey, empty, caption }: { columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string; empty: string; caption?: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    // Focusable, so keyboard users can scroll a table wider than a phone's screen.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" tabIndex={0} role={caption ? "region" : undefined} aria-label={caption}>
      <table>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
