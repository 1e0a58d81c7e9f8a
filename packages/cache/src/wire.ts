import { createHash } from 'node:crypto';
import superjson from 'superjson';

/**
 * A value in its wire form: the superjson JSON text tRPC sends as `result.data`, as UTF-8
 * bytes. It is made once, when a loader's value is stored; every hit sends or parses it.
 */
export function toWire(value: unknown): Buffer {
  const text = superjson.stringify(value);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/** The value of a wire form: a fresh copy for each caller, so no caller sees another's edits. */
export function fromWire<T>(bytes: Buffer): T {
  return superjson.parse<T>(bytes.toString('utf8'));
}

/**
 * Bytes in memory of their own. A Redis reply is a slice of the socket read that carried it,
 * and a small Buffer a slice of Node's shared pool: kept in L1, either would hold on to far
 * more memory than its length, which is what L1 budgets by.
 */
export function ownedCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/**
 * The HTTP entity tag of stored bytes, made once when they are stored (and kept beside them in
 * both tiers), so a revalidation that matches costs a comparison, not a hash.
 */
export function etagOf(bytes: Buffer): string {
  return `"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

/** A stored answer as a hit hands it out: its bytes, their ETag, and the entry's tags. */
export interface StoredAnswer {
  bytes: Buffer;
  etag: string;
  tags: readonly string[];
  /** The tags as JSON text, made once per entry (a list page carries a tag per row). */
  tagsJson: string;
}
