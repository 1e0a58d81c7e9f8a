import type { LineApproval } from '~/lib/work-order-words';

/** What a line table's rows need of a line. */
interface LineRow {
  id: number;
  description: string;
  approval: LineApproval;
}

/**
 * How a table shows a work order's lines, row by row: each named by its description, a
 * declined one struck through (`declined`, globals.css). For DataTable: `{...lineRows}`.
 */
export const lineRows = {
  rowKey: (line: LineRow) => line.id,
  rowLabel: (line: LineRow) => line.description,
  rowClass: (line: LineRow) => (line.approval === 'declined' ? 'declined' : undefined),
};
