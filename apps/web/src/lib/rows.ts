// The rows of a form that edits a list (a saved job's lines, a template's items), kept as an
// array of drafts: each change gives a new array, so React sees it.

/** `rows` without the one at `index`. */
export const withoutRow = <Row>(rows: readonly Row[], index: number): Row[] =>
  rows.filter((_, at) => at !== index);

/** `rows` with the one at `index` changed by `change`. */
export const changeRow = <Row>(rows: readonly Row[], index: number, change: (row: Row) => Row) =>
  rows.map((row, at) => (at === index ? change(row) : row));
