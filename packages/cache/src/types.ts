import type { Cluster, Redis, RedisOptions } from 'ioredis';
import type { Registry } from 'prom-client';
import type { CacheKey } from './keys';
import type { StoredAnswer } from './wire';

export type { CacheKey } from './keys';

/** Where the cache says what happens to Redis (pino's Logger fits). */
export interface CacheLogger {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** Options of `createCache`. */
export interface CacheOptions {
  /** Prefix of every key; the cache never touches a key outside it. */
  namespace: string;
  /** Redis URL, options, or a client; absent means L1 only (`mode: 'memory'`). */
  redis?: string | RedisOptions | Redis | Cluster;
  /**
   * L1 budget in bytes (each entry counts its stored bytes, its key and a small fixed share
   * for bookkeeping; 0 keeps nothing in L1), and the lifetime cap of an L1 entry.
   */
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
  /** Told when the Redis circuit opens (warn) and closes again (info), once each time. */
  logger?: CacheLogger;
  /**
   * How many tags and routes Redis remembers the latest invalidation of (default 100,000, a few
   * MB). Past it the oldest are forgotten, and entries loaded before them miss: the record stays
   * bounded however many owners there are, at the price of misses, never of a stale answer.
   */
  maxTrackedInvalidations?: number;
  /**
   * How many of the latest invalidations are kept to replay from a position (`eventsSince`):
   * in Redis, shared by every instance (or in this process in memory mode). 1,000 by default.
   */
  eventLog?: { maxEvents?: number };
}

/** Per-call options of `getOrSet`. */
export interface GetOrSetOptions<T> {
  ttlMs: number;
  /** The entry's tags, or a function of the loaded value (as the loader returned it). */
  tags?: readonly string[] | ((value: T) => readonly string[]);
  /** How long past its TTL (or a soft expire) a value may still be served while one refresh runs. */
  graceMs?: number;
  /**
   * Hand every caller one deep-frozen value, decoded once per stored entry, instead of a fresh
   * copy each: for small values read on every request (a session). Not counted in L1's budget.
   */
  shared?: boolean;
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

/**
 * What became of an invalidation: `done` when it reached Redis (or there is no Redis), `queued`
 * when Redis could not be reached: this instance's L1 dropped the entries at once, and it is
 * replayed to Redis, in order, when Redis answers again.
 */
export type InvalidationOutcome = 'done' | 'queued';

/**
 * An invalidation applied on this instance, made here or heard from another instance on the
 * bus: `invalidated` names its tags and routes (`soft` for an expire), `cleared` is the whole
 * namespace, `missed` says the bus may have lost some (a gap, an unreadable message, a
 * reconnect), so whatever depends on this cache should be treated as invalidated. `position`,
 * when this instance knows it, is where the namespace's history stands once this event is
 * applied: every invalidation up to it has been told to listeners (see `position()`).
 */
export type InvalidationEvent =
  | { kind: 'invalidated'; tags: string[]; routes: string[]; soft: boolean; position?: string }
  | { kind: 'cleared'; position?: string }
  | { kind: 'missed' };

/** Told of each invalidation event, synchronously, in the order they were applied. */
export type InvalidationListener = (event: InvalidationEvent) => void;

/** The cache: an in-process L1 in front of an optional Redis L2. */
export interface Cache {
  /** The cached value (each caller its own copy), or the loader's, run once per instance per key. */
  getOrSet<T>(key: CacheKey, loader: () => Promise<T>, options: GetOrSetOptions<T>): Promise<T>;
  /**
   * `getOrSet` for a caller that sends the answer on as it was stored (bytes, ETag, tags)
   * instead of using the value: nothing is parsed.
   */
  answer<T>(
    key: CacheKey,
    loader: () => Promise<T>,
    options: GetOrSetOptions<T>,
  ): Promise<StoredAnswer>;
  /** Hard-invalidates every entry carrying any of `tags`: nothing stale is served after it. */
  invalidateTags(tags: readonly string[]): Promise<InvalidationOutcome>;
  /** Soft-expires every entry carrying any of `tags`: stale may serve within grace during one refresh. */
  expireTags(tags: readonly string[]): Promise<InvalidationOutcome>;
  /** Hard-invalidates every entry of `route`. */
  invalidateRoute(route: string): Promise<InvalidationOutcome>;
  /** Hard-invalidates the whole namespace (and nothing outside it). */
  clear(): Promise<InvalidationOutcome>;
  /** Mode, per-route counters, L1 size, Redis memory and the namespace's entry count. */
  stats(): Promise<CacheStats>;
  /** Lists live entries (key, route, tags, TTL left, size); REDIS_UNAVAILABLE when Redis cannot answer. */
  entries(query: {
    cursor?: string;
    route?: string;
    tag?: string;
    limit?: number;
  }): Promise<{ entries: CacheEntryInfo[]; nextCursor?: string }>;
  /** How many live entries an invalidation would remove; REDIS_UNAVAILABLE when Redis cannot answer. */
  countEntries(filter: CountFilter): Promise<number>;
  /**
   * Calls `listener` for every invalidation applied on this instance and for every bus loss,
   * in the namespace's order: with Redis, as the bus delivers them (this instance's own once
   * Redis has them; those queued for Redis, or made while the bus is down, at once and without
   * a position). Returns the function that removes it.
   */
  onInvalidation(listener: InvalidationListener): () => void;
  /**
   * Where this instance stands in the namespace's history of invalidations, as opaque text
   * (`<epoch>:<seq>`, see positions.ts): every invalidation up to it has been applied here and
   * told to listeners, so an answer read here afterwards reflects them all. A reader that keeps
   * it can later ask for what came after (`eventsSince`). When this instance cannot say (its bus
   * is down, invalidations wait for Redis) it is a position nothing resumes from.
   */
  position(): string;
  /**
   * The invalidations after `position`, in order, each with its own position: from a log of
   * the latest `eventLog.maxEvents` that every instance shares through Redis (this process's
   * own in memory mode). Undefined when the log cannot tell them all (the position is older
   * than the log, from another history or unknown, or Redis cannot be read): treat everything
   * as invalidated.
   */
  eventsSince(position: string): Promise<InvalidationEvent[] | undefined>;
  /** Registers the cache's metrics (labelled by route, never by key) in a prom-client registry. */
  registerMetrics(registry: Registry): void;
  /** Closes the bus and any Redis connection the cache opened itself. */
  close(): Promise<void>;
}
