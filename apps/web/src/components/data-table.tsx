import type { Key, ReactNode } from 'react';
import { Empty } from '~/components/query-state';

/** One column of a table: its heading, how a row fills its cell, and how it is laid out. */
export interface Column<Row> {
  /** The heading; in a stacked table the cell repeats it, since a phone shows no heading row. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Figures: right-aligned, in tabular digits. */
  numeric?: boolean;
  /** Left out on a phone (390 px), where the row keeps what identifies it. */
  wideOnly?: boolean;
  /** Further classes of the cell: `clip` (one line, ellipsis), `break` (long words wrap)… */
  className?: string;
  /** The cell names the row: a row header (`th scope="row"`). */
  rowHeader?: boolean;
  /** In a stacked table, the card's title: first, and without the heading before it. */
  title?: boolean;
}

/** The class attribute of the classes that apply, or none. */
function classes(...names: (string | false | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

/**
 * The app's tables: the columns declared as data, one row per item. A `stack` table becomes one
 * card per row on a phone (phone.css), its cells labelled by their headings; `wideOnly` columns
 * are left out there. With `empty`, no rows show that line instead of an empty table.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowLabel,
  rowClass,
  className,
  stack = false,
  caption,
  label,
  labelledBy,
  empty,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** The row's accessible name. */
  rowLabel?: (row: Row) => string;
  rowClass?: (row: Row) => string | undefined;
  className?: string;
  stack?: boolean;
  caption?: ReactNode;
  /** The table's accessible name, or the id of the element that gives it. */
  label?: string;
  labelledBy?: string;
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <Empty>{empty}</Empty>;
  return (
    <div className="table-wrap">
      <table
        className={classes(className, stack && 'stack')}
        aria-label={label}
        aria-labelledby={labelledBy}
      >
        {caption ? <caption className="muted">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={classes(column.numeric && 'num', column.wideOnly && 'hide-narrow')}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClass?.(row)} aria-label={rowLabel?.(row)}>
              {columns.map((column) => {
                const className = classes(
                  column.numeric && 'num',
                  column.wideOnly && 'hide-narrow',
                  column.className,
                );
                if (column.rowHeader) {
                  return (
                    <th key={column.header} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  );
                }
                const labelled = stack && !column.title;
                return (
                  <td
                    key={column.header}
                    className={className}
                    data-label={labelled ? column.header : undefined}
                  >
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
