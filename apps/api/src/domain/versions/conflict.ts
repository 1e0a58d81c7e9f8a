import { AppError } from '../../app-error';

/** Someone who edited a record. */
export type Editor = { id: number; name: string };

/** One edit of a record: the fields it changed, who and when. */
export type RecordEditSummary = { by: Editor | null; at: Date; fields: string[] };

/**
 * Why a save was refused: the record changed after the version the save was based on. What the
 * API's error carries (`data.conflict`), so a form can show the newer values beside its own.
 */
export type VersionConflict = {
  /** The record's version now: a save meant to go on top of the newer values sends this one. */
  version: number;
  /** Who made the latest of those edits, and when (null when no edit since is on record). */
  changedBy: Editor | null;
  changedAt: Date | null;
  /** The current value of each field changed since the save's version. */
  current: Record<string, unknown>;
  /** The name of what an id in `current` points at (`ownerId`: the owner's name), for showing it. */
  names: Record<string, string>;
  /** Those edits, oldest first. */
  edits: RecordEditSummary[];
};

/** What was refused: a save (an edit) or a removal. */
export type VersionedAction = 'save' | 'removal';

/**
 * A save (or removal) based on an older version of a record than the stored one: refused,
 * nothing written. The API answers CONFLICT with `conflict` in the error's data.
 */
export function versionConflict(
  record: string,
  basedOn: number,
  action: VersionedAction,
  conflict: VersionConflict,
): AppError {
  return new AppError('CONFLICT', conflictMessage(record, basedOn, action, conflict), {
    data: { conflict },
  });
}

function conflictMessage(
  record: string,
  basedOn: number,
  action: VersionedAction,
  conflict: VersionConflict,
): string {
  const fields = Object.keys(conflict.current);
  const who = conflict.changedBy ? ` by ${conflict.changedBy.name}` : '';
  const when = conflict.changedAt ? ` at ${conflict.changedAt.toISOString()}` : '';
  const what = fields.length > 0 ? ` (${fields.join(', ')})` : '';
  const changed = `this ${record} was changed${who}${when}${what} after version ${basedOn}, which this ${action} was based on`;
  return action === 'save'
    ? `${changed}; nothing was saved (to keep yours, save again on top of version ${conflict.version})`
    : `${changed}; nothing was removed`;
}
