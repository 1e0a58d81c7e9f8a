import type { CacheEntryInfo } from './types';

/** One value held in process memory, deep-frozen so callers can share it. */
export interface L1Entry {
  key: string;
  value: unknown;
  /** The value's serialized form, as tRPC sends it (a hit can be answered without re-encoding). */
  payload: string;
  bytes: number;
  route: string;
  tags: string[];
  /** The invalidation sequence number the value was loaded at. */
  seq: number;
  /** performance.now() deadlines: fresh until, then servable as grace until. */
  freshUntil: number;
  staleUntil: number;
  /** How long the value may serve as stale once expired (0: never). */
  graceMs: number;
}

/** A byte-bounded LRU (Map insertion order) with route and tag indexes for eager deletion. */
export class L1Store {
  readonly maxBytes: number;
  #entries = new Map<string, L1Entry>();
  #byTag = new Map<string, Set<string>>();
  #byRoute = new Map<string, Set<string>>();
  #bytes = 0;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Returns a live entry (refreshing its LRU position), dropping it once past its grace. */
  get(key: string, now: number): L1Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.staleUntil <= now) {
      this.delete(key);
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Stores an entry, evicting the least recently used until the byte budget holds. */
  set(entry: L1Entry): void {
    this.delete(entry.key);
    if (entry.bytes > this.maxBytes) return;
    while (this.#bytes + entry.bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    this.#entries.set(entry.key, entry);
    this.#bytes += entry.bytes;
    index(this.#byRoute, entry.route, entry.key);
    for (const tag of entry.tags) index(this.#byTag, tag, entry.key);
  }

  /** Removes one entry. */
  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
    unindex(this.#byRoute, entry.route, key);
    for (const tag of entry.tags) unindex(this.#byTag, tag, key);
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
      const entry = this.#entries.get(key);
      if (!entry) continue;
      entry.freshUntil = Math.min(entry.freshUntil, now);
      entry.staleUntil = Math.min(entry.staleUntil, now + entry.graceMs);
      if (entry.staleUntil <= now) this.delete(key);
    }
  }

  /** Drops everything. */
  clear(): void {
    this.#entries.clear();
    this.#byTag.clear();
    this.#byRoute.clear();
    this.#bytes = 0;
  }

  /** Lists live entries matching the filters from `offset` (the entry browser in memory mode). */
  list(now: number, offset: number, limit: number, route?: string, tag?: string) {
    const rows: CacheEntryInfo[] = [];
    let matched = 0;
    for (const e of this.#entries.values()) {
      if (e.staleUntil <= now || (route && e.route !== route) || (tag && !e.tags.includes(tag))) {
        continue;
      }
      matched++;
      if (matched > offset && matched <= offset + limit) {
        const ttlLeftMs = Math.round(e.staleUntil - now);
        rows.push({ key: e.key, route: e.route, tags: e.tags, ttlLeftMs, sizeBytes: e.bytes });
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
