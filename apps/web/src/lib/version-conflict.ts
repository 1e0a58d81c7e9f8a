import type { VersionConflict } from '@garage/api';

// A save refused because the record changed after the version the form was loaded with: the
// API's CONFLICT carries `data.conflict` (the newer values of the fields changed since, who
// changed them and when). These turn it into what a form shows and does with it.

/** A form's values as typed, by the form's own field names. */
export type FormValues<Key extends string> = Record<Key, string>;

/** The newer value of one field, as the form's text and as shown, with who changed it when. */
export type TheirValue = { value: string; shown: string; by: string | null; at: Date | null };

/** A refused save as a form shows it: the version to save on top of, and each changed field. */
export type FormConflict<Key extends string> = {
  version: number;
  by: string | null;
  at: Date | null;
  fields: Partial<Record<Key, TheirValue>>;
};

/**
 * Reads one changed field of the API (`field`, its current `value`, and the `name` of what an
 * id points at) into the form's field `key`, its text and how to show it; null for a field the
 * form does not have.
 */
export type ConflictReader<Key extends string> = (
  field: string,
  value: unknown,
  name: string | undefined,
) => { key: Key; value: string; shown: string } | null;

/** Reads the fields of `keys`, text named alike by the API and the form (null: an empty field). */
export function textFields<Key extends string>(keys: readonly Key[]): ConflictReader<Key> {
  return (field, value) => {
    const key = keys.find((candidate) => candidate === field);
    if (key === undefined || (typeof value !== 'string' && value !== null)) return null;
    return { key, value: value ?? '', shown: value ?? '' };
  };
}

/** Reads the fields of `keys`, whole numbers the form holds as text. */
export function numberFields<Key extends string>(keys: readonly Key[]): ConflictReader<Key> {
  return (field, value) => {
    const key = keys.find((candidate) => candidate === field);
    if (key === undefined || typeof value !== 'number') return null;
    return { key, value: String(value), shown: value.toLocaleString('en') };
  };
}

/** The first of `readers` that reads a field. */
export function readers<Key extends string>(...all: ConflictReader<Key>[]): ConflictReader<Key> {
  return (field, value, name) => {
    for (const read of all) {
      const theirs = read(field, value, name);
      if (theirs) return theirs;
    }
    return null;
  };
}

/** The version conflict of a refused save, or null for any other outcome. */
export function versionConflictOf(
  error: { data?: { conflict?: VersionConflict | null } | null } | null,
): VersionConflict | null {
  return error?.data?.conflict ?? null;
}

/** The conflict in the form's terms: its fields' newer values, each with its last editor. */
export function formConflict<Key extends string>(
  conflict: VersionConflict,
  read: ConflictReader<Key>,
): FormConflict<Key> {
  const fields: Partial<Record<Key, TheirValue>> = {};
  for (const [field, value] of Object.entries(conflict.current)) {
    const theirs = read(field, value, conflict.names[field]);
    if (!theirs) continue;
    const edit = conflict.edits.findLast((candidate) => candidate.fields.includes(field));
    fields[theirs.key] = {
      value: theirs.value,
      shown: theirs.shown,
      by: edit?.by?.name ?? null,
      at: edit?.at ?? null,
    };
  }
  return {
    version: conflict.version,
    by: conflict.changedBy?.name ?? null,
    at: conflict.changedAt,
    fields,
  };
}

/** The newer values of the changed fields, by the form's field names. */
export function theirValues<Key extends string>(
  conflict: FormConflict<Key>,
): Partial<FormValues<Key>> {
  const values: Partial<FormValues<Key>> = {};
  for (const key in conflict.fields) {
    const theirs = conflict.fields[key];
    if (theirs) values[key] = theirs.value;
  }
  return values;
}

/** "Use theirs": the form with the newer values in the fields they changed. */
export function takeTheirs<Key extends string>(
  typed: FormValues<Key>,
  conflict: FormConflict<Key>,
): FormValues<Key> {
  return { ...typed, ...theirValues(conflict) };
}

/**
 * "Keep mine": what the user changed since the form was loaded wins; a field the user left as
 * loaded takes the newer value, so saving on top of it loses nothing of the other change.
 */
export function keepMine<Key extends string>(
  loaded: FormValues<Key>,
  typed: FormValues<Key>,
  conflict: FormConflict<Key>,
): FormValues<Key> {
  const kept = { ...typed };
  for (const key in conflict.fields) {
    const theirs = conflict.fields[key];
    if (theirs && typed[key] === loaded[key]) kept[key] = theirs.value;
  }
  return kept;
}

/** Whether the form still holds exactly what it was loaded with. */
export function untouched<Key extends string>(
  loaded: FormValues<Key>,
  typed: FormValues<Key>,
): boolean {
  for (const key in loaded) if (loaded[key] !== typed[key]) return false;
  return true;
}
