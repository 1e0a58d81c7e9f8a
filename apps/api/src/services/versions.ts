import type { EditedRecord, Prisma } from '@garage/db';
import { AppError } from '../app-error';
import { type Changes, changedFields, type FieldValue, pick } from '../domain/versions/changes';
import { type VersionedAction, versionConflict } from '../domain/versions/conflict';

// Optimistic concurrency for customers, vehicles, work orders' details and work-order lines
// (see RecordEdit in the Prisma schema): a write names the version it was based on, and goes
// through only if the record is still at it, in the same statement that writes it.

/** A versioned record as stored: its version and the values its edits may change. */
export type Stored<Fields> = {
  version: number;
  values: Fields;
  /** The name of what an id among `values` points at (`ownerId`: the owner's), for a conflict. */
  names?: Record<string, string>;
};

type Versioned<Fields> = {
  record: EditedRecord;
  /** The record in words, for messages: "work order line". */
  noun: string;
  id: number;
  /** The version the write was based on. */
  basedOn: number;
  /** Reads the record as it is now, or null when there is none. */
  load: () => Promise<Stored<Fields> | null>;
};

/**
 * One edit of a versioned record, inside the caller's transaction (`tx`). A save based on
 * another version than the stored one is refused (a CONFLICT naming what changed
 * since, who and when); otherwise the fields whose value changes are written with the next
 * version by `write`, an UPDATE … WHERE id AND version = `basedOn` (so of two saves racing from
 * one version only one writes), and the edit is logged. A save that changes nothing writes
 * nothing. Answers the fields it changed.
 */
export async function applyEdit<Fields extends Record<string, FieldValue>>(
  tx: Prisma.TransactionClient,
  edit: Versioned<Fields> & {
    changes: Changes<Fields>;
    byId: number | null;
    write: (data: Partial<Fields> & { version: number }) => Promise<{ count: number }>;
  },
): Promise<string[]> {
  const current = await edit.load();
  if (!current) throw AppError.notFound(edit.noun);
  if (current.version !== edit.basedOn) throw await conflictOf(tx, edit, current, 'save');
  const fields = changedFields(current.values, edit.changes);
  if (fields.length === 0) return fields;
  const version = edit.basedOn + 1;
  const { count } = await edit.write({ ...pick(edit.changes, fields), version });
  // Another save from the same version was written between the read and this write.
  if (count === 0) throw await conflictNow(tx, edit, 'save');
  await logEdit(tx, { record: edit.record, recordId: edit.id, version, fields, byId: edit.byId });
  return fields;
}

/**
 * Removes a versioned record: refused like an edit when it changed after `basedOn`. `remove`
 * deletes it WHERE id AND version = `basedOn`, answering whether it did. Answers the record as
 * it was.
 */
export async function applyRemoval<Fields extends Record<string, FieldValue>>(
  tx: Prisma.TransactionClient,
  removal: Versioned<Fields> & { remove: () => Promise<boolean> },
): Promise<Stored<Fields>> {
  const current = await removal.load();
  if (!current) throw AppError.notFound(removal.noun);
  if (current.version !== removal.basedOn) {
    throw await conflictOf(tx, removal, current, 'removal');
  }
  if (!(await removal.remove())) throw await conflictNow(tx, removal, 'removal');
  return current;
}

/** Records an edit that moved a record to `version`: the fields it changed, who and when. */
export async function logEdit(
  tx: Prisma.TransactionClient,
  edit: {
    record: EditedRecord;
    recordId: number;
    version: number;
    fields: string[];
    byId: number | null;
  },
): Promise<void> {
  await tx.recordEdit.create({ data: edit });
}

/** The conflict with the record as it is now (NOT_FOUND when it has gone meanwhile). */
async function conflictNow<Fields extends Record<string, FieldValue>>(
  tx: Prisma.TransactionClient,
  versioned: Versioned<Fields>,
  action: VersionedAction,
) {
  const current = await versioned.load();
  if (!current) return AppError.notFound(versioned.noun);
  return conflictOf(tx, versioned, current, action);
}

/** What changed after the version a write was based on: the current values, who and when. */
async function conflictOf<Fields extends Record<string, FieldValue>>(
  tx: Prisma.TransactionClient,
  versioned: Versioned<Fields>,
  current: Stored<Fields>,
  action: VersionedAction,
): Promise<AppError> {
  const edits = await tx.recordEdit.findMany({
    where: { record: versioned.record, recordId: versioned.id, version: { gt: versioned.basedOn } },
    orderBy: { version: 'asc' },
    select: { at: true, fields: true, by: { select: { id: true, name: true } } },
  });
  const changed = new Set(edits.flatMap((edit) => edit.fields));
  const entries = <Value>(values: Record<string, Value>) =>
    Object.fromEntries(Object.entries(values).filter(([field]) => changed.has(field)));
  const latest = edits.at(-1);
  return versionConflict(versioned.noun, versioned.basedOn, action, {
    version: current.version,
    changedBy: latest?.by ?? null,
    changedAt: latest?.at ?? null,
    current: entries<unknown>(current.values),
    names: entries(current.names ?? {}),
    edits,
  });
}
