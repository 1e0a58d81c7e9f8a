/**
 * Readers of script replies. READ answers with a flat field/value list (payload bytes stay a
 * plain bulk string, never escaped into JSON); LIST with cjson. Anything unexpected throws,
 * which the caller counts as a Redis failure (the request goes on to the loader).
 */

/** A flat `{name, value, name, value, ...}` reply, read by field name. */
export class ReplyFields {
  readonly #values = new Map<string, unknown>();

  constructor(reply: unknown) {
    if (!Array.isArray(reply) || reply.length % 2 !== 0) {
      throw new Error('unexpected Redis reply: not a field/value list');
    }
    for (let i = 0; i < reply.length; i += 2) this.#values.set(String(reply[i]), reply[i + 1]);
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  number(name: string): number {
    const value = Number(this.#required(name));
    if (!Number.isFinite(value)) throw new Error(`unexpected Redis reply: ${name} is not a number`);
    return value;
  }

  bytes(name: string): Buffer {
    const value = this.#required(name);
    if (!Buffer.isBuffer(value)) throw new Error(`unexpected Redis reply: ${name} is not bytes`);
    return value;
  }

  text(name: string): string {
    return String(this.#required(name));
  }

  #required(name: string): unknown {
    if (!this.#values.has(name)) throw new Error(`unexpected Redis reply: no ${name}`);
    return this.#values.get(name);
  }
}

/** A JSON array of strings, as entries store their tags. */
export function parseTags(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  // cjson writes an empty array as {}.
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((tag): tag is string => typeof tag === 'string');
}

/** One row of LIST's reply. */
export interface ListedEntry {
  key: string;
  route: string;
  tags: string[];
  ttlLeftMs: number;
  sizeBytes: number;
}

/** LIST's cjson reply: how many entries matched, and the rows of the requested page. */
export function parseListReply(reply: unknown): { matched: number; rows: ListedEntry[] } {
  const parsed: unknown = JSON.parse(String(reply));
  if (typeof parsed !== 'object' || parsed === null) {
    throw new Error('unexpected Redis reply: LIST');
  }
  const { matched, rows } = Object.fromEntries(Object.entries(parsed));
  // cjson writes an empty array as {}.
  const list: unknown[] = Array.isArray(rows) ? rows : [];
  return { matched: Number(matched), rows: list.map(listedEntry) };
}

function listedEntry(row: unknown): ListedEntry {
  if (typeof row !== 'object' || row === null) throw new Error('unexpected Redis reply: LIST row');
  const { key, route, tags, ttlLeftMs, sizeBytes } = Object.fromEntries(Object.entries(row));
  return {
    key: String(key),
    route: String(route),
    tags: parseTags(String(tags)),
    ttlLeftMs: Number(ttlLeftMs),
    sizeBytes: Number(sizeBytes),
  };
}
