import type { CacheEntryInfo } from './types';

/** One response held in process memory, in its wire form. */
export interface L1Entry {
  key: string;
  /** The stored bytes (see wire.ts): what a hit sends, or parses for an in-process caller. */
  bytes: Buffer;
  /** Their ETag (see etagOf). */
  etag: string;
  route: string;
  tags: readonly string[];
  tagsJson: string;
  /** The invalidation sequence number the value was loaded at. */
  seq: number;
  /** performance.now() deadlines: fresh until, then servable as grace until. */
  freshUntil: number;
  staleUntil: number;
  /** How long the value may serve as stale once expired (0: never). */
  graceMs: number;
}

/**
 * What L1 charges an entry beyond its bytes and key: the entry object, its LRU slot and its
 * route and tag index slots. A constant, so the budget stays a plain sum; it matters only for
 * small entries (a session lookup is a few hundred bytes).
 */
const ENTRY_OVERHEAD_BYTES = 256;

interface Held {
  entry: L1Entry;
  size: number;
}

/** A byte-bounded LRU (Map insertion order) with route and tag indexes for eager deletion. */
export class L1Store {
  readonly maxBytes: number;
  #held = new Map<string, Held>();
  #byTag = new Map<string, Set<string>>();
  #byRoute = new Map<string, Set<string>>();
  #bytes = 0;
  #generation = 0;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get size(): number {
    return this.#held.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Moves on at every `clear()`: a fill that began before a flush must not land after it. */
  get generation(): number {
    return this.#generation;
  }

  /** Returns a live entry (refreshing its LRU position), dropping it once past its grace. */
  get(key: string, now: number): L1Entry | undefined {
    const held = this.#held.get(key);
    if (!held) return undefined;
    if (held.entry.staleUntil <= now) {
      this.delete(key);
      return undefined;
    }
    this.#held.delete(key);
    this.#held.set(key, held);
    return held.entry;
  }

  /** Stores an entry, evicting the least recently used until the byte budget holds. */
  set(entry: L1Entry): void {
    this.delete(entry.key);
    const size = entry.bytes.length + entry.key.length + ENTRY_OVERHEAD_BYTES;
    if (size > this.maxBytes) return;
    while (this.#bytes + size > this.maxBytes) {
      const oldest = this.#held.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    this.#held.set(entry.key, { entry, size });
    this.#bytes += size;
    index(this.#byRoute, entry.route, entry.key);
    for (const tag of entry.tags) index(this.#byTag, tag, entry.key);
  }

  /** Removes one entry. */
  delete(key: string): void {
    const held = this.#held.get(key);
    if (!held) return;
    this.#held.delete(key);
    this.#bytes -= held.size;
    unindex(this.#byRoute, held.entry.route, key);
    for (const tag of held.entry.tags) unindex(this.#byTag, tag, key);
  }

  /** Keys of the entries carrying any of `tags` or belonging to any of `routes`. */
  matching(tags: readonly string[], routes: readonly string[]): string[] {
    const keys = new Set<string>();
    for (const tag of tags) for (const key of this.#byTag.get(tag) ?? []) keys.add(key);
    for (const route of routes) for (const key of this.#byRoute.get(route) ?? []) keys.add(key);
    return [...keys];
  }

  /** Ends the freshness of the given entries, keeping them only as grace. */
  markStale(keys: readonly string[], now: number): void {
    for (const key of keys) {
      const entry = this.#held.get(key)?.entry;
      if (!entry) continue;
      entry.freshUntil = Math.min(entry.freshUntil, now);
      entry.staleUntil = Math.min(entry.staleUntil, now + entry.graceMs);
      if (entry.staleUntil <= now) this.delete(key);
    }
  }

  /** Drops everything. */
  clear(): void {
    this.#generation++;
    this.#held.clear();
    this.#byTag.clear();
    this.#byRoute.clear();
    this.#bytes = 0;
  }

  /** Lists live entries matching the filters from `offset` (the entry browser in memory mode). */
  list(now: number, offset: number, limit: number, route?: string, tag?: string) {
    const rows: CacheEntryInfo[] = [];
    let matched = 0;
    for (const { entry: e } of this.#held.values()) {
      if (e.staleUntil <= now || (route && e.route !== route) || (tag && !e.tags.includes(tag))) {
        continue;
      }
      matched++;
      if (matched > offset && matched <= offset + limit) {
        const ttlLeftMs = Math.round(e.staleUntil - now);
        rows.push({
          key: e.key,
          route: e.route,
          tags: [...e.tags],
          ttlLeftMs,
          sizeBytes: e.bytes.length,
        });
      }
    }
    return { matched, rows };
  }
}

function index(map: Map<string, Set<string>>, name: string, key: string): void {
  let keys = map.get(name);
  if (!keys) {
    keys = new Set();
    map.set(name, keys);
  }
  keys.add(key);
}

function unindex(map: Map<string, Set<string>>, name: string, key: string): void {
  const keys = map.get(name);
  if (!keys) return;
  keys.delete(key);
  if (keys.size === 0) map.delete(name);
}
