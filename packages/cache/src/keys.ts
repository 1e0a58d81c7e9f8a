import { createHash } from 'node:crypto';
import superjson from 'superjson';

/** What identifies one cached response: the route, who may share it, and the (parsed) input. */
export interface CacheKey {
  route: string;
  scope: string;
  input: unknown;
}

/**
 * Sorts object keys at every depth and drops properties whose value is undefined, so `{a, b}`
 * and `{b, a}` are one key, and so are `{}` and `{cursor: undefined}` (a parsed input says
 * "absent" either way).
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isPlainObject(value)) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) sorted[key] = canonical(value[key]);
    }
    return sorted;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
  );
}

/** True for what JSON already encodes faithfully, so superjson's richer encoding can be skipped. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (isPlainObject(value)) {
    return Object.values(value).every((field) => field === undefined || isPlainJson(field));
  }
  return false;
}

// The hashes of the inputs seen lately, by their canonical text: every hit of a popular key
// would otherwise pay a SHA-1 (and its hasher object) to find the entry it found a moment ago.
const recentHashes = new Map<string, string>();
const recentHashesKept = 10_000;

/** Hashes an input so that field order never matters (superjson first, so Dates and bigints count). */
export function hashInput(input: unknown): string {
  const sorted = canonical(input);
  const text = isPlainJson(sorted)
    ? JSON.stringify(sorted)
    : JSON.stringify(['superjson', canonical(superjson.serialize(sorted))]);
  const known = recentHashes.get(text);
  if (known) return known;
  const hash = createHash('sha1').update(text).digest('base64url');
  if (recentHashes.size >= recentHashesKept) recentHashes.clear();
  recentHashes.set(text, hash);
  return hash;
}

/** The Redis hash tag that keeps every key of a namespace in one Cluster slot. */
export function namespaceTag(namespace: string): string {
  return `{${namespace}}`;
}

/** Builds `{ns}:e:{route}:{scope}:{hash(input)}`. */
export function entryKey(namespace: string, key: CacheKey): string {
  return `${namespaceTag(namespace)}:e:${key.route}:${key.scope}:${hashInput(key.input)}`;
}
