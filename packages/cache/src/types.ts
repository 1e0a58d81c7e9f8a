import type { Cluster, Redis, RedisOptions } from 'ioredis';
import type { CacheKey } from './keys';

export type { CacheKey } from './keys';

/** Options of `createCache`. */
export interface CacheOptions {
  /** Prefix of every key; the cache never touches a key outside it. */
  namespace: string;
  /** Redis URL, options, or a client; absent means L1 only (`mode: 'memory'`). */
  redis?: string | RedisOptions | Redis | Cluster;
  /** L1 budget in estimated heap bytes (value tree + serialized form + key), and lifetime cap. */
  l1?: { maxBytes?: number; maxTtlMs?: number };
  timeouts?: { redisMs?: number };
  circuit?: { failureThreshold?: number; probeAfterMs?: number };
  /** Cross-instance L1 invalidation over Redis pub/sub (default on with Redis). */
  bus?: boolean;
  /**
   * Cluster-wide single flight (off by default): on a miss, one instance takes a short Redis
   * lease and loads; the others poll Redis for its value, up to `waitMs`, then load themselves.
   */
  lease?: { ttlMs?: number; waitMs?: number; pollMs?: number };
}

/** Per-call options of `getOrSet`. */
export interface GetOrSetOptions<T> {
  ttlMs: number;
  tags?: string[] | ((value: T) => string[]);
  /** How long past its TTL (or a soft expire) a value may still be served while one refresh runs. */
  graceMs?: number;
}

/** Counters of one route. */
export interface RouteStats {
  l1Hits: number;
  l2Hits: number;
  misses: number;
  staleServed: number;
  errors: number;
  loaderCalls: number;
  loaderMsTotal: number;
  invalidations: number;
}

/** What `stats()` reports. */
export interface CacheStats {
  mode: 'redis' | 'degraded' | 'memory';
  namespace: string;
  routes: Record<string, RouteStats>;
  l1: { entries: number; bytes: number; maxBytes: number };
  redis?: { usedMemoryBytes: number | null; namespaceKeys: number | null };
  pendingInvalidations: number;
}

/** One row of the entry browser. */
export interface CacheEntryInfo {
  key: string;
  route: string;
  tags: string[];
  ttlLeftMs: number;
  sizeBytes: number;
}

export type CountFilter = { route?: string; tag?: string } | { all: true };

/** The cache: an in-process L1 in front of an optional Redis L2. */
export interface Cache {
  getOrSet<T>(key: CacheKey, loader: () => Promise<T>, options: GetOrSetOptions<T>): Promise<T>;
  /**
   * The serialized forms of fresh L1 entries, counted as L1 hits, when every key has one;
   * undefined otherwise (nothing is counted and nothing loads).
   */
  peek(keys: readonly CacheKey[]): string[] | undefined;
  invalidateTags(tags: string[]): Promise<void>;
  expireTags(tags: string[]): Promise<void>;
  invalidateRoute(route: string): Promise<void>;
  clear(): Promise<void>;
  stats(): Promise<CacheStats>;
  entries(query: {
    cursor?: string;
    route?: string;
    tag?: string;
    limit?: number;
  }): Promise<{ entries: CacheEntryInfo[]; nextCursor?: string }>;
  countEntries(filter: CountFilter): Promise<number>;
  metrics(): Promise<string>;
  close(): Promise<void>;
}
