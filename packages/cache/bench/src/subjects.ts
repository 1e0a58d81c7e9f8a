import { type Cache, type CacheKey, createCache } from '@garage/cache';
import { createKeyv } from '@keyv/redis';
import { BentoCache, bentostore } from 'bentocache';
import { memoryDriver } from 'bentocache/drivers/memory';
import { redisBusDriver, redisDriver } from 'bentocache/drivers/redis';
import { createCache as createCacheManager } from 'cache-manager';
import { Redis as Redis5 } from 'ioredis5';
import { Keyv } from 'keyv';
import superjson from 'superjson';
import type { RedisConnection } from './redis-admin';

/** One cache key, in the form each library takes it (ours hashes the input; peers take a string). */
export interface BenchKey {
  ours: CacheKey;
  flat: string;
}

export function benchKey(route: string, input: Record<string, unknown>): BenchKey {
  return {
    ours: { route, scope: 'role:staff', input },
    flat: `${route}:role:staff:${JSON.stringify(input)}`,
  };
}

/** What every library under test offers the bench. */
export interface Subject {
  readonly label: string;
  getOrSet<T>(key: BenchKey, loader: () => Promise<T>, tags: string[], ttlMs: number): Promise<T>;
  /** Tag invalidation, when the library has it. */
  invalidateTags?(tags: string[]): Promise<void>;
  /** Runs `reads` and tells which tier served them (a sanity check, never timed). */
  probeTiers(reads: () => Promise<unknown>): Promise<{ l1: number; l2: number }>;
  close(): Promise<void>;
}

const superjsonSerializer = {
  serialize: (value: unknown) => superjson.stringify(value),
  deserialize: (value: string) => superjson.parse(value),
};

/** @garage/cache: L1 (byte-bounded LRU) + Redis L2 + pub/sub bus, as the API configures it. */
export function ours(options: {
  label: string;
  namespace: string;
  redis: RedisConnection;
  connectionName: string;
  /** 0 disables L1 (the L1 refuses every entry): each read is an L2 hit. */
  l1MaxBytes?: number;
}): Subject & { cache: Cache } {
  const cache = createCache({
    namespace: options.namespace,
    redis: { ...options.redis, connectionName: options.connectionName },
    l1: { maxBytes: options.l1MaxBytes ?? 64 * 1024 * 1024, maxTtlMs: 10 * 60_000 },
  });
  return {
    label: options.label,
    cache,
    getOrSet: (key, loader, tags, ttlMs) => cache.getOrSet(key.ours, loader, { ttlMs, tags }),
    invalidateTags: async (tags) => {
      await cache.invalidateTags(tags);
    },
    async probeTiers(reads) {
      const count = async () => {
        let l1 = 0;
        let l2 = 0;
        for (const route of Object.values((await cache.stats()).routes)) {
          l1 += route.l1Hits;
          l2 += route.l2Hits;
        }
        return { l1, l2 };
      };
      const before = await count();
      await reads();
      const after = await count();
      return { l1: after.l1 - before.l1, l2: after.l2 - before.l2 };
    },
    close: () => cache.close(),
  };
}

/** BentoCache 1.6.1: memory L1 + Redis L2 + Redis bus, on its own ioredis 5 connection. */
export function bento(options: {
  label: string;
  prefix: string;
  redis: RedisConnection;
  connectionName: string;
  /** Default JSON (BentoCache's own default), or superjson so Dates round-trip as in ours. */
  serializer: 'json' | 'superjson';
  /** BentoCache's L1 stores serialized strings by default; false keeps live objects. */
  l1Serialize?: boolean;
  /** Refuse L1 entries bigger than this (tag entries still fit): each read is an L2 hit. */
  l1MaxEntryBytes?: number;
}): Subject {
  const connection = new Redis5({ ...options.redis, connectionName: options.connectionName });
  const l1Serialize = options.l1Serialize ?? true;
  const memory = l1Serialize
    ? memoryDriver({
        maxItems: 100_000,
        maxSize: '64mb',
        ...(options.l1MaxEntryBytes ? { maxEntrySize: options.l1MaxEntryBytes } : {}),
      })
    : memoryDriver({ maxItems: 100_000, serialize: false });
  const bentoCache = new BentoCache({
    default: 'main',
    prefix: options.prefix,
    ...(options.serializer === 'superjson' ? { serializer: superjsonSerializer } : {}),
    stores: {
      main: bentostore()
        .useL1Layer(memory)
        .useL2Layer(redisDriver({ connection, prefix: options.prefix }))
        .useBus(redisBusDriver({ connection })),
    },
  });
  return {
    label: options.label,
    getOrSet: (key, loader, tags, ttlMs) =>
      bentoCache.getOrSet({ key: key.flat, factory: loader, ttl: ttlMs, tags }),
    async invalidateTags(tags) {
      await bentoCache.deleteByTag({ tags });
    },
    async probeTiers(reads) {
      const hits = { l1: 0, l2: 0 };
      const listener = (event: { key: string; layer: 'l1' | 'l2' }) => {
        if (event.key.includes('___bc:t:')) return;
        hits[event.layer]++;
      };
      bentoCache.on('cache:hit', listener);
      try {
        await reads();
      } finally {
        bentoCache.off('cache:hit', listener);
      }
      return hits;
    },
    async close() {
      await bentoCache.disconnectAll();
      connection.disconnect();
    },
  };
}

/** A Map that never keeps anything: cache-manager's L1 store with L1 switched off. */
class NoStoreMap<K, V> extends Map<K, V> {
  override set(): this {
    return this;
  }
}

/** cache-manager 7: stores [in-memory Keyv, Keyv on @keyv/redis]. It has no tags. */
export function cacheManager(options: {
  label: string;
  namespace: string;
  redisUrl: string;
  /** false: the memory store keeps nothing, so each read is an L2 hit. */
  l1?: boolean;
}): Subject {
  // As cache-manager's own default memory store: a Map of live objects, no serialization.
  const memory = new Keyv({ store: options.l1 === false ? new NoStoreMap() : new Map() });
  memory.serialize = undefined;
  memory.deserialize = undefined;
  const redis = createKeyv(options.redisUrl, { namespace: options.namespace });
  redis.serialize = superjsonSerializer.serialize;
  redis.deserialize = superjsonSerializer.deserialize as typeof redis.deserialize;
  const cm = createCacheManager({ stores: [memory, redis] });
  return {
    label: options.label,
    getOrSet: (key, loader, _tags, ttlMs) => cm.wrap(key.flat, loader, ttlMs),
    async probeTiers(reads) {
      // Hooks on the stores' raw reads, only while probing; wrap() stops at the first store that answers.
      const hits = { l1: 0, l2: 0 };
      const onL1 = (data: { value?: unknown }) => {
        if (data.value !== undefined) hits.l1++;
      };
      const onL2 = (data: { value?: unknown }) => {
        if (data.value !== undefined) hits.l2++;
      };
      memory.hooks.addHandler('postGet', onL1);
      redis.hooks.addHandler('postGet', onL2);
      try {
        await reads();
      } finally {
        memory.hooks.removeHandler('postGet', onL1);
        redis.hooks.removeHandler('postGet', onL2);
      }
      return hits;
    },
    async close() {
      await cm.disconnect();
    },
  };
}
