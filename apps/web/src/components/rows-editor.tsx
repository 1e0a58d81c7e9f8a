'use client';

import type { ReactNode } from 'react';
import { changeRow, withoutRow } from '~/lib/rows';

/** Sets one value of a row: `set('label')('Front pads')`. */
export type SetRowValue<Row> = <Key extends keyof Row>(key: Key) => (value: Row[Key]) => void;

/**
 * The rows of a form's list (a saved job's lines, a template's items): each row's inputs from
 * `children`, a Remove button on each (the only row stays: a list needs one), an Add button
 * for `newRow` at the end, and the server's error of the list as a whole. `onChange` takes an
 * updater of the rows, so it can go straight to a form's `setDraft`.
 */
export function RowsEditor<Row>({
  legend,
  labels,
  rows,
  onChange,
  newRow,
  error,
  children,
}: {
  legend: string;
  /** Its buttons: `{ add: 'Add a line', remove: 'Remove line' }`. */
  labels: { add: string; remove: string };
  rows: readonly Row[];
  onChange: (change: (rows: Row[]) => Row[]) => void;
  /** The row Add puts at the end, given the rows so far. */
  newRow: (rows: readonly Row[]) => Row;
  error?: string | undefined;
  children: (row: Row, set: SetRowValue<Row>, index: number) => ReactNode;
}) {
  const setter =
    (index: number): SetRowValue<Row> =>
    (key) =>
    (value) =>
      onChange((current) => changeRow(current, index, (row) => ({ ...row, [key]: value })));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {error ? (
        <p className="form-error">
          {legend} {error}
        </p>
      ) : null}
      {rows.map((row, index) => (
        <div className="form-row" key={index}>
          {children(row, setter(index), index)}
          <button
            type="button"
            className="secondary"
            disabled={rows.length === 1}
            onClick={() => onChange((current) => withoutRow(current, index))}
          >
            {labels.remove}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange((current) => [...current, newRow(current)])}
      >
        {labels.add}
      </button>
    </fieldset>
  );
}
