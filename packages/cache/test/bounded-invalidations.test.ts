import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Cache, createCache } from '../src';
import { gate } from './support/gate';

// Redis remembers each tag's latest invalidation so that no older entry or fill is served. With
// an owner tag per customer that record would grow with every customer ever touched; it is
// kept to `maxTrackedInvalidations` fields, and what it forgets costs misses, never staleness.

let counter = 0;
const caches: Cache[] = [];
const clients: Redis[] = [];
const namespace = () => `bounded-${process.pid}-${++counter}`;
const key = (input: unknown) => ({ route: 'owner.page', scope: 'public', input });
const maxTrackedInvalidations = 1_000;

function make(ns: string): Cache {
  const cache = createCache({ namespace: ns, redis: inject('redisUrl'), maxTrackedInvalidations });
  caches.push(cache);
  return cache;
}

function redis(): Redis {
  const client = new Redis(inject('redisUrl'));
  clients.push(client);
  return client;
}

/** Invalidates `count` distinct owner tags, a few at a time, as a busy shop's writes would. */
async function invalidateOwners(cache: Cache, from: number, count: number): Promise<void> {
  const perCall = 10;
  const calls = Array.from({ length: count / perCall }, (_, call) =>
    Array.from({ length: perCall }, (_, i) => `owner:${from + call * perCall + i}`),
  );
  for (let i = 0; i < calls.length; i += 100) {
    await Promise.all(calls.slice(i, i + 100).map((tags) => cache.invalidateTags(tags)));
  }
}

afterEach(async () => {
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
  await Promise.all(clients.splice(0).map((client) => client.quit()));
});

describe('the invalidation record stays bounded', () => {
  it('keeps at most the configured number of fields after 100,000 distinct owner tags', async () => {
    const ns = namespace();
    const cache = make(ns);
    await invalidateOwners(cache, 0, 100_000);
    const fields = await redis().zcard(`{${ns}}:invalidated`);
    expect(fields).toBeGreaterThan(0);
    expect(fields).toBeLessThanOrEqual(maxTrackedInvalidations);
  });

  it('never serves an entry whose invalidation was forgotten', async () => {
    const ns = namespace();
    const writer = make(ns);
    const reader = make(ns);
    await writer.getOrSet(key(1), async () => 'old', { ttlMs: 60_000, tags: ['owner:1'] });
    await writer.invalidateTags(['owner:1']);
    // Enough other owners to push owner:1's invalidation out of the record.
    await invalidateOwners(writer, 2, 2 * maxTrackedInvalidations);
    expect(await redis().zscore(`{${ns}}:invalidated`, 't:owner:1')).toBeNull();
    expect(await reader.getOrSet(key(1), async () => 'new', { ttlMs: 60_000 })).toBe('new');
  });

  it('refuses a fill held open across an invalidation that was forgotten before it stored', async () => {
    const ns = namespace();
    const cache = make(ns);
    const held = gate();
    const loading = gate();
    const stale = cache.getOrSet(
      key('held'),
      async () => {
        loading.open();
        await held.opened;
        return 'old';
      },
      { ttlMs: 60_000, tags: ['owner:held'] },
    );
    await loading.opened;
    await cache.invalidateTags(['owner:held']);
    await invalidateOwners(cache, 0, 2 * maxTrackedInvalidations);
    expect(await redis().zscore(`{${ns}}:invalidated`, 't:owner:held')).toBeNull();
    held.open();
    // The caller that started the load gets what it loaded; nobody else does.
    expect(await stale).toBe('old');
    const other = make(ns);
    expect(await other.getOrSet(key('held'), async () => 'new', { ttlMs: 60_000 })).toBe('new');
  });

  it('still serves entries loaded after the floor rose', async () => {
    const ns = namespace();
    const cache = make(ns);
    await invalidateOwners(cache, 0, 2 * maxTrackedInvalidations);
    await cache.getOrSet(key('fresh'), async () => 'fresh', { ttlMs: 60_000, tags: ['owner:x'] });
    const other = make(ns);
    let loads = 0;
    const value = await other.getOrSet(
      key('fresh'),
      async () => {
        loads++;
        return 'loaded again';
      },
      { ttlMs: 60_000 },
    );
    expect(value).toBe('fresh');
    expect(loads).toBe(0);
  });
});
