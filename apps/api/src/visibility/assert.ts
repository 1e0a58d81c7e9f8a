import { AppError } from '../app-error';
import type { Viewer } from './rules';

/** What a viewer asks for by id. */
export type VisibleNoun = 'vehicle' | 'work order' | 'inspection item' | 'photo' | 'appointment';

/**
 * The one answer to "no such row, or not yours", whichever it is: a customer is FORBIDDEN (this
 * vehicle is not yours) whether the row exists or not; staff, who see every row, NOT_FOUND.
 */
export function notVisible(viewer: Viewer, noun: VisibleNoun): AppError {
  return viewer.role === 'customer'
    ? new AppError('FORBIDDEN', `this ${noun} is not yours`)
    : AppError.notFound(noun);
}

/**
 * `row`, found through `visibleTo(viewer)` (so null both when there is none and when it is
 * someone else's), or the one answer for either.
 */
export function requireVisible<Row>(row: Row | null, viewer: Viewer, noun: VisibleNoun): Row {
  if (row === null) throw notVisible(viewer, noun);
  return row;
}
