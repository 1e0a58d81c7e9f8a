import { type CacheKey, createCache } from '@garage/cache';
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
export type BenchKey = { ours: CacheKey; flat: string };

export const benchKey = (route: string, input: Record<string, unknown>): BenchKey => ({
  ours: { route, scope: 'role:staff', input },
  flat: `${route}:role:staff:${JSON.stringify(input)}`,
});

/** The loader of a read that must hit: it fails, so a miss stores nothing and says so. */
const missed = async (): Promise<never> => {
  throw new Error('missed');
};

/** What every library under test offers the bench. */
export interface Subject {
  getOrSet<T>(key: BenchKey, loader: () => Promise<T>, tags: string[], ttlMs: number): Promise<T>;
  /** The stored bytes of a hit, undefined on a miss (ours only: the API's wire path). */
  storedBytes?(key: BenchKey): Promise<Buffer | undefined>;
  /** How a hit is read when not through getOrSet; undefined means it missed. */
  readHit?(key: BenchKey): Promise<unknown>;
  /** Tag invalidation, when the library has it. */
  invalidateTags?(tags: string[]): Promise<void>;
  /** Runs `reads` and tells which tier served them (a sanity check, never timed). */
  probeTiers(reads: () => Promise<unknown>): Promise<{ l1: number; l2: number }>;
  close(): Promise<void>;
}

/** Where a subject keeps its keys; its Redis connections are named after `prefix` (for MONITOR). */
export type Place = { prefix: string; redis: RedisConnection };

const superjsonSerializer = {
  serialize: (value: unknown) => superjson.stringify(value),
  deserialize: (value: string) => superjson.parse(value),
};

/**
 * @garage/cache as the API's fast path reads it: a hit is the entry's stored bytes (`answer`),
 * with no parse, which is what the API writes to the socket. A miss fills through getOrSet.
 */
export function oursStoredBytes(place: Place, l2Only = false): Subject {
  const subject = ours(place, l2Only);
  return { ...subject, readHit: subject.storedBytes };
}

/** @garage/cache as the API configures it: byte-bounded L1 + Redis L2 + pub/sub bus. */
export function ours(place: Place, l2Only = false): Subject {
  const cache = createCache({
    namespace: place.prefix,
    redis: { ...place.redis, connectionName: place.prefix },
    // An L1 of 0 bytes keeps nothing: each read is an L2 hit.
    l1: { maxBytes: l2Only ? 0 : 64 * 1024 * 1024, maxTtlMs: 10 * 60_000 },
  });
  const hits = async () => {
    const routes = Object.values((await cache.stats()).routes);
    return {
      l1: routes.reduce((n, r) => n + r.l1Hits, 0),
      l2: routes.reduce((n, r) => n + r.l2Hits, 0),
    };
  };
  return {
    getOrSet: (key, loader, tags, ttlMs) => cache.getOrSet(key.ours, loader, { ttlMs, tags }),
    // A read that must hit: the loader is never meant to run (undefined says it missed).
    storedBytes: (key) =>
      cache.answer(key.ours, missed, { ttlMs: 60_000 }).then(
        (answer) => answer.bytes,
        () => undefined,
      ),
    invalidateTags: async (tags) => {
      await cache.invalidateTags(tags);
    },
    async probeTiers(reads) {
      const before = await hits();
      await reads();
      const after = await hits();
      return { l1: after.l1 - before.l1, l2: after.l2 - before.l2 };
    },
    close: () => cache.close(),
  };
}

/** BentoCache 1.6.1: memory L1 + Redis L2 + Redis bus, on its own ioredis 5 connection. */
export function bento(
  place: Place,
  options: {
    /** BentoCache's own default is JSON; superjson round-trips Dates as ours does. */
    serializer: 'json' | 'superjson';
    /** Its L1 keeps serialized strings by default; false keeps live objects. */
    l1Serialize?: boolean;
    /** L1 refuses entries over 256 bytes (its small tag entries still fit): L2 hits. */
    l2Only?: boolean;
  },
): Subject {
  const connection = new Redis5({ ...place.redis, connectionName: place.prefix });
  const memory =
    options.l1Serialize === false
      ? memoryDriver({ maxItems: 100_000, serialize: false })
      : memoryDriver({
          maxItems: 100_000,
          maxSize: '64mb',
          ...(options.l2Only ? { maxEntrySize: 256 } : {}),
        });
  const cache = new BentoCache({
    default: 'main',
    prefix: place.prefix,
    ...(options.serializer === 'superjson' ? { serializer: superjsonSerializer } : {}),
    stores: {
      main: bentostore()
        .useL1Layer(memory)
        .useL2Layer(redisDriver({ connection, prefix: place.prefix }))
        .useBus(redisBusDriver({ connection })),
    },
  });
  return {
    getOrSet: (key, loader, tags, ttlMs) =>
      cache.getOrSet({ key: key.flat, factory: loader, ttl: ttlMs, tags }),
    async invalidateTags(tags) {
      await cache.deleteByTag({ tags });
    },
    async probeTiers(reads) {
      const hits = { l1: 0, l2: 0 };
      const listener = (event: { key: string; layer: 'l1' | 'l2' }) => {
        if (!event.key.includes('___bc:t:')) hits[event.layer]++;
      };
      cache.on('cache:hit', listener);
      await reads().finally(() => cache.off('cache:hit', listener));
      return hits;
    },
    async close() {
      await cache.disconnectAll();
      connection.disconnect();
    },
  };
}

/** A Map that never keeps anything: cache-manager's memory store with L1 switched off. */
class NoStoreMap<K, V> extends Map<K, V> {
  override set(): this {
    return this;
  }
}

/** cache-manager 7: stores [in-memory Keyv, Keyv on @keyv/redis]. It has no tags. */
export function cacheManager(place: Place, redisUrl: string, l2Only = false): Subject {
  // As cache-manager's own default memory store: a Map of live objects, no serialization.
  const memory = new Keyv({ store: l2Only ? new NoStoreMap() : new Map() });
  memory.serialize = undefined;
  memory.deserialize = undefined;
  const redis = createKeyv(redisUrl, { namespace: place.prefix });
  redis.serialize = superjsonSerializer.serialize;
  redis.deserialize = superjsonSerializer.deserialize as typeof redis.deserialize;
  const cm = createCacheManager({ stores: [memory, redis] });
  return {
    getOrSet: (key, loader, _tags, ttlMs) => cm.wrap(key.flat, loader, ttlMs),
    async probeTiers(reads) {
      // Hooks on the stores' raw reads, while probing only; wrap() stops at the first that answers.
      const hits = { l1: 0, l2: 0 };
      const count = (tier: 'l1' | 'l2') => (data: { value?: unknown }) => {
        if (data.value !== undefined) hits[tier]++;
      };
      const [onL1, onL2] = [count('l1'), count('l2')];
      memory.hooks.addHandler('postGet', onL1);
      redis.hooks.addHandler('postGet', onL2);
      await reads().finally(() => {
        memory.hooks.removeHandler('postGet', onL1);
        redis.hooks.removeHandler('postGet', onL2);
      });
      return hits;
    },
    close: () => cm.disconnect().then(() => undefined),
  };
}
