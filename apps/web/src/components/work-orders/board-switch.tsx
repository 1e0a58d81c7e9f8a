import type { RouterOutputs } from '@garage/api';
import { statusLabels, type WorkOrderStatus } from '~/lib/work-order-words';

type Column = RouterOutputs['workOrder']['board']['columns'][number];

/**
 * The board's columns as a row of buttons, each with its name and card count; the pressed one
 * is the column a phone shows. Wider screens show every column and hide this (phone.css).
 */
export function ColumnSwitch({
  columns,
  shown,
  onPick,
}: {
  columns: readonly Column[];
  shown: WorkOrderStatus | undefined;
  onPick: (status: WorkOrderStatus) => void;
}) {
  return (
    <fieldset className="board-switch">
      <legend>Columns</legend>
      {columns.map((column) => (
        <button
          key={column.status}
          type="button"
          className="secondary"
          aria-pressed={column.status === shown}
          aria-controls={`board-${column.status}`}
          onClick={() => onPick(column.status)}
        >
          {statusLabels[column.status]} ({column.cards.length})
        </button>
      ))}
    </fieldset>
  );
}
