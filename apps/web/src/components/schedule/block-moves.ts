// Where an appointment's block goes when it is dragged or moved with the keys: by its move
// handle it keeps its length; by its resize handle (the bottom edge) only its end changes, and it
// stays at least one grid step long.

export type Span = { startsAt: Date; endsAt: Date };

/** Which handle is being dragged: the block's own (a move) or its bottom edge (a resize). */
export type DragMode = 'move' | 'resize';

const minute = 60_000;

/** A span as long as `span`, starting at `startsAt`. */
const movedTo = (span: Span, startsAt: Date): Span => ({
  startsAt,
  endsAt: new Date(startsAt.getTime() + span.endsAt.getTime() - span.startsAt.getTime()),
});

/** `span` ending at `endsAt`, but never shorter than `stepMinutes`. */
const endingAt = (span: Span, endsAt: number, stepMinutes: number): Span => ({
  startsAt: span.startsAt,
  endsAt: new Date(Math.max(span.startsAt.getTime() + stepMinutes * minute, endsAt)),
});

/**
 * The span of a block dropped on the grid's cell starting at `cellStart`: moved there, or
 * (resized) ending with that cell.
 */
export function spanOnDrop(mode: DragMode, span: Span, cellStart: Date, stepMinutes: number): Span {
  return mode === 'move'
    ? movedTo(span, cellStart)
    : endingAt(span, cellStart.getTime() + stepMinutes * minute, stepMinutes);
}

/**
 * The span after a key pressed on a handle: Up and Down move it a step earlier or later, or,
 * resizing (the resize handle, or Shift on the move handle), end it a step earlier or later.
 * Null for any other key, or when it would not change.
 */
export function spanOnKey(
  key: string,
  resize: boolean,
  span: Span,
  stepMinutes: number,
): Span | null {
  const step = { ArrowUp: -1, ArrowDown: 1 }[key];
  if (step === undefined) return null;
  const by = step * stepMinutes * minute;
  const next = resize
    ? endingAt(span, span.endsAt.getTime() + by, stepMinutes)
    : movedTo(span, new Date(span.startsAt.getTime() + by));
  return sameSpan(next, span) ? null : next;
}

/** Whether two spans start and end together. */
export const sameSpan = (a: Span, b: Span) =>
  a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime();
