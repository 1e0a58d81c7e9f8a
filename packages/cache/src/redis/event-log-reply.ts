/** One invalidation as the namespace's event log holds it (see INVALIDATE in scripts.ts). */
export interface LoggedInvalidation {
  seq: number;
  soft: boolean;
  fields: string[];
}

/**
 * Reads SINCE's reply: 'gone' is undefined; otherwise stream entries, `[id, [name, value, ...]]`
 * with ids `<seq>-0` and the values `s` ('1' for soft) and `f` (the fields as JSON). Anything
 * unexpected throws, which the caller counts as a Redis failure.
 */
export function parseLoggedEvents(reply: unknown): LoggedInvalidation[] | undefined {
  if (reply === 'gone') return undefined;
  if (!Array.isArray(reply)) throw new Error('unexpected Redis reply: not a list of log entries');
  return reply.map(parseEntry);
}

function parseEntry(entry: unknown): LoggedInvalidation {
  const id: unknown = Array.isArray(entry) ? entry[0] : undefined;
  const values: unknown = Array.isArray(entry) ? entry[1] : undefined;
  if (typeof id !== 'string' || !Array.isArray(values)) {
    throw new Error('unexpected Redis reply: not a log entry');
  }
  const named = new Map<string, string>();
  for (let i = 0; i + 1 < values.length; i += 2)
    named.set(String(values[i]), String(values[i + 1]));
  const seq = Number(id.split('-')[0]);
  const fields: unknown = JSON.parse(named.get('f') ?? 'null');
  if (!Number.isSafeInteger(seq) || !isTextList(fields)) {
    throw new Error('unexpected Redis reply: a log entry without its number or fields');
  }
  return { seq, soft: named.get('s') === '1', fields };
}

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
