import { createHash } from 'node:crypto';
import superjson from 'superjson';

/** What identifies one cached response: the route, who may share it, and the input. */
export interface CacheKey {
  route: string;
  scope: string;
  input: unknown;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = canonical((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/** True for what JSON already encodes faithfully, so superjson's richer encoding can be skipped. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).every(isPlainJson);
  }
  return false;
}

/** Hashes an input so that field order never matters (superjson first, so Dates and bigints count). */
export function hashInput(input: unknown): string {
  const text = isPlainJson(input)
    ? JSON.stringify(canonical(input))
    : JSON.stringify(['superjson', canonical(superjson.serialize(input))]);
  return createHash('sha1').update(text).digest('base64url');
}

/** The Redis hash tag that keeps every key of a namespace in one Cluster slot. */
export function namespaceTag(namespace: string): string {
  return `{${namespace}}`;
}

/** Builds `{ns}:e:{route}:{scope}:{hash(input)}`. */
export function entryKey(namespace: string, key: CacheKey): string {
  return `${namespaceTag(namespace)}:e:${key.route}:${key.scope}:${hashInput(key.input)}`;
}
