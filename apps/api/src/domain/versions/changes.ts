/** A field's value as an edit compares it: text, a number, a time, or none. */
export type FieldValue = string | number | boolean | Date | null;

/** Whether two values of a field are the same (times by the instant they name). */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** What an edit asks for: some of the fields; an undefined one is left as it is. */
export type Changes<Fields> = { [Field in keyof Fields]?: Fields[Field] | undefined };

/** The fields `changes` names whose value differs from the record's `current` one. */
export function changedFields<Fields extends Record<string, FieldValue>>(
  current: Fields,
  changes: Changes<Fields>,
): (keyof Fields & string)[] {
  const changed: (keyof Fields & string)[] = [];
  for (const field in changes) {
    const next: FieldValue | undefined = changes[field];
    if (next !== undefined && !sameValue(next, current[field])) changed.push(field);
  }
  return changed;
}

/** The named fields of `record`, as a new object. */
export function pick<Fields extends Record<string, unknown>>(
  record: Changes<Fields>,
  fields: readonly (keyof Fields & string)[],
): Partial<Fields> {
  const picked: Partial<Fields> = {};
  for (const field of fields) picked[field] = record[field];
  return picked;
}
