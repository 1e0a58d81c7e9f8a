import { createHash } from 'node:crypto';
import { Registry } from 'prom-client';
import superjson from 'superjson';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Cache, createCache } from '../src';
import { gate } from './support/gate';

const configurations = [
  { name: 'L1 only', redis: () => undefined },
  { name: 'Redis-backed', redis: () => inject('redisUrl') },
];

let counter = 0;

describe.each(configurations)('contract ($name)', ({ redis }) => {
  const caches: Cache[] = [];
  const make = (extra: { maxBytes?: number; maxTtlMs?: number } = {}) => {
    const url = redis();
    const cache = createCache({
      namespace: `contract-${process.pid}-${++counter}`,
      ...(url ? { redis: url } : {}),
      l1: extra,
    });
    caches.push(cache);
    return cache;
  };
  const key = (input: unknown, scope = 'public') => ({ route: 'item.get', scope, input });

  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.close()));
  });

  it('runs the loader once, then serves the cached value', async () => {
    const cache = make();
    let calls = 0;
    const load = async () => ({ n: ++calls });
    expect(await cache.getOrSet(key({ id: 1 }), load, { ttlMs: 10_000 })).toEqual({ n: 1 });
    expect(await cache.getOrSet(key({ id: 1 }), load, { ttlMs: 10_000 })).toEqual({ n: 1 });
    expect(calls).toBe(1);
  });

  it('treats inputs with different field order as one key, and scopes as distinct keys', async () => {
    const cache = make();
    let calls = 0;
    const load = async () => ++calls;
    await cache.getOrSet(key({ a: 1, b: 2 }), load, { ttlMs: 10_000 });
    expect(await cache.getOrSet(key({ b: 2, a: 1 }), load, { ttlMs: 10_000 })).toBe(1);
    expect(await cache.getOrSet(key({ a: 1, b: 2 }, 'p:alice'), load, { ttlMs: 10_000 })).toBe(2);
    expect(await cache.getOrSet(key({ a: 1, b: 2 }, 'p:bob'), load, { ttlMs: 10_000 })).toBe(3);
  });

  it('expires entries after their TTL', async () => {
    const cache = make();
    let calls = 0;
    const load = async () => ++calls;
    await cache.getOrSet(key('ttl'), load, { ttlMs: 50 });
    await new Promise((r) => setTimeout(r, 120));
    expect(await cache.getOrSet(key('ttl'), load, { ttlMs: 50 })).toBe(2);
  });

  it('invalidates by tag (from the result), by route and the whole namespace', async () => {
    const cache = make();
    let calls = 0;
    const load = async () => ({ group: 'g7', n: ++calls });
    const options = { ttlMs: 10_000, tags: (v: { group: string }) => [`group:${v.group}`] };
    await cache.getOrSet(key(1), load, options);
    await cache.invalidateTags(['group:g7']);
    expect((await cache.getOrSet(key(1), load, options)).n).toBe(2);
    await cache.invalidateRoute('item.get');
    expect((await cache.getOrSet(key(1), load, options)).n).toBe(3);
    await cache.clear();
    expect((await cache.getOrSet(key(1), load, options)).n).toBe(4);
    await cache.invalidateTags(['group:other']);
    expect((await cache.getOrSet(key(1), load, options)).n).toBe(4);
  });

  it('never stores a value whose load began before an invalidation of its tag', async () => {
    const cache = make();
    const held = gate();
    const running = gate();
    const first = cache.getOrSet(
      key('race'),
      async () => {
        running.open();
        await held.opened;
        return 'old';
      },
      { ttlMs: 10_000, tags: () => ['t:race'] },
    );
    // The load is under way (its Redis read done, the loader running), not merely requested.
    await running.opened;
    await cache.invalidateTags(['t:race']);
    held.open();
    expect(await first).toBe('old');
    expect(await cache.getOrSet(key('race'), async () => 'new', { ttlMs: 10_000 })).toBe('new');
  });

  it('never hands a read that began after an invalidation a load that began before it', async () => {
    const cache = make();
    const held = gate();
    const running = gate();
    const tags = () => ['t:joined'];
    const before = cache.getOrSet(
      key('joined'),
      async () => {
        running.open();
        await held.opened;
        return 'old';
      },
      { ttlMs: 10_000, tags },
    );
    // The load is under way (its Redis read done, the loader running), not merely requested.
    await running.opened;
    // A write acknowledged here: every read that starts from now on must see it.
    await cache.invalidateTags(['t:joined']);
    const after = cache.getOrSet(key('joined'), async () => 'new', { ttlMs: 10_000, tags });
    const alsoAfter = cache.getOrSet(key('joined'), async () => 'newer', { ttlMs: 10_000, tags });
    held.open();
    expect(await before).toBe('old');
    expect(await after).toBe('new');
    // Reads after the same invalidation still share one load.
    expect(await alsoAfter).toBe('new');
  });

  it('still shares a load across an invalidation that did not touch it', async () => {
    const cache = make();
    const held = gate();
    const running = gate();
    let loads = 0;
    const load = async () => {
      loads++;
      running.open();
      await held.opened;
      return loads;
    };
    const options = { ttlMs: 10_000, tags: () => ['t:mine'] };
    const before = cache.getOrSet(key('shared'), load, options);
    // The load is under way (its Redis read done, the loader running), not merely requested.
    await running.opened;
    await cache.invalidateTags(['t:someone-else']);
    const after = cache.getOrSet(key('shared'), load, options);
    held.open();
    expect(await before).toBe(1);
    expect(await after).toBe(1);
    expect(loads).toBe(1);
  });

  it('runs the loader once for 200 concurrent misses', async () => {
    const cache = make();
    let calls = 0;
    const load = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return 'v';
    };
    const all = await Promise.all(
      Array.from({ length: 200 }, () => cache.getOrSet(key('herd'), load, { ttlMs: 10_000 })),
    );
    expect(all.every((v) => v === 'v')).toBe(true);
    expect(calls).toBe(1);
  });

  it('serves stale within grace after a soft expire while one refresh runs, never after a hard one', async () => {
    const cache = make();
    let calls = 0;
    const options = { ttlMs: 10_000, graceMs: 10_000, tags: ['soft'] };
    await cache.getOrSet(key('swr'), async () => ++calls, options);
    await cache.expireTags(['soft']);
    expect(await cache.getOrSet(key('swr'), async () => ++calls, options)).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(await cache.getOrSet(key('swr'), async () => ++calls, options)).toBe(2);
    await cache.invalidateTags(['soft']);
    expect(await cache.getOrSet(key('swr'), async () => ++calls, options)).toBe(3);
  });

  it('never serves stale after a soft expire of an entry without grace', async () => {
    const cache = make();
    let calls = 0;
    const options = { ttlMs: 10_000, tags: ['nograce'] };
    await cache.getOrSet(key('ng'), async () => ++calls, options);
    await cache.expireTags(['nograce']);
    expect(await cache.getOrSet(key('ng'), async () => ++calls, options)).toBe(2);
  });

  it('serves stale when the refresh fails (fail-safe), and never caches errors', async () => {
    const cache = make();
    const options = { ttlMs: 30, graceMs: 10_000 };
    await cache.getOrSet(key('fs'), async () => 'good', options);
    await new Promise((r) => setTimeout(r, 60));
    const failing = async (): Promise<string> => {
      throw new Error('db down');
    };
    expect(await cache.getOrSet(key('fs'), failing, options)).toBe('good');
    await expect(cache.getOrSet(key('fresh'), failing, options)).rejects.toThrow('db down');
    expect(await cache.getOrSet(key('fresh'), async () => 'ok', options)).toBe('ok');
  });

  it('round-trips what superjson does, and gives each caller its own copy', async () => {
    const cache = make();
    const value = {
      at: new Date('2026-01-02T03:04:05Z'),
      map: new Map([['k', 1]]),
      set: new Set([1, 2]),
      missing: undefined,
      big: 12345678901234567890n,
      rows: [{ id: 1 }],
    };
    const load = async () => value;
    const first = await cache.getOrSet(key('sj'), load, { ttlMs: 10_000 });
    const second = await cache.getOrSet(key('sj'), load, { ttlMs: 10_000 });
    for (const got of [first, second]) {
      expect(got.at).toBeInstanceOf(Date);
      expect(got.at.toISOString()).toBe('2026-01-02T03:04:05.000Z');
      expect(got.map.get('k')).toBe(1);
      expect(got.set.has(2)).toBe(true);
      expect('missing' in got).toBe(true);
      expect(got.big).toBe(12345678901234567890n);
    }
    // No caller can change what another caller (or the store) sees.
    second.rows.push({ id: 2 });
    second.at.setTime(0);
    second.map.set('x', 2);
    const third = await cache.getOrSet(key('sj'), load, { ttlMs: 10_000 });
    expect(third.rows).toEqual([{ id: 1 }]);
    expect(third.at.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(third.map.has('x')).toBe(false);
  });

  it('hands shared values out decoded once and frozen, until the entry changes', async () => {
    const cache = make();
    let version = 0;
    const load = async () => ({ user: { id: 7, version: ++version } });
    const options = { ttlMs: 10_000, tags: ['user:7'], shared: true };
    const first = await cache.getOrSet(key('shared'), load, options);
    // With Redis, L1 fills once the bus has subscribed: until then each read decodes L2's bytes.
    let second = await cache.getOrSet(key('shared'), load, options);
    for (let tries = 0; second !== (await cache.getOrSet(key('shared'), load, options)); tries++) {
      if (tries > 100) throw new Error('L1 never held the shared value');
      await new Promise((resolve) => setTimeout(resolve, 20));
      second = await cache.getOrSet(key('shared'), load, options);
    }
    expect(second).toEqual(first);
    expect(Object.isFrozen(second) && Object.isFrozen(second.user)).toBe(true);
    expect(() => {
      second.user.version = 99;
    }).toThrow(TypeError);
    await cache.invalidateTags(['user:7']);
    const changed = await cache.getOrSet(key('shared'), load, options);
    expect(changed.user.version).toBe(2);
    expect(changed).not.toBe(second);
  });

  it('keeps L1 within its byte budget', async () => {
    const cache = make({ maxBytes: 4_000 });
    for (let i = 0; i < 50; i++) {
      await cache.getOrSet(key(i), async () => 'x'.repeat(200), { ttlMs: 10_000 });
      expect((await cache.stats()).l1.bytes).toBeLessThanOrEqual(4_000);
    }
  });

  it('charges an L1 entry its stored bytes, not an estimate of a value tree', async () => {
    const cache = make();
    const rows = Array.from({ length: 500 }, (_, i) => ({ id: i, ok: true, at: new Date(i) }));
    // With Redis, L1 fills once the bus has subscribed (until then it is not trusted).
    for (let i = 0; i < 100 && (await cache.stats()).l1.entries === 0; i++) {
      await cache.getOrSet(key('rows'), async () => rows, { ttlMs: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const stored = Buffer.byteLength(superjson.stringify(rows));
    const { l1 } = await cache.stats();
    expect(l1.bytes).toBeGreaterThanOrEqual(stored);
    // The key and a fixed share for bookkeeping come on top, nothing in proportion to the value.
    expect(l1.bytes).toBeLessThan(stored + 1_024);
    const [listed] = (await cache.entries({ route: 'item.get' })).entries;
    expect(listed?.sizeBytes).toBe(stored);
  });

  it('answers from stored bytes (with their ETag and tags), counting a hit, never loading again', async () => {
    const cache = make();
    const load = async () => ({ at: new Date(0) });
    await cache.getOrSet(key('p1'), load, { ttlMs: 10_000, tags: ['p'] });
    const before = (await cache.stats()).routes['item.get'];
    const answer = await cache.answer(
      key('p1'),
      async () => {
        throw new Error('a stored answer must not load');
      },
      { ttlMs: 10_000 },
    );
    expect(answer.bytes.toString()).toBe(superjson.stringify({ at: new Date(0) }));
    expect(answer.tags).toEqual(['p']);
    expect(answer.tagsJson).toBe('["p"]');
    // The ETag was made when the bytes were stored: a hash of them, the same from either tier.
    const digest = createHash('sha1').update(answer.bytes).digest('base64url');
    expect(answer.etag).toBe(`"${digest}"`);
    const after = (await cache.stats()).routes['item.get'];
    const hits = (s: typeof after) => (s?.l1Hits ?? 0) + (s?.l2Hits ?? 0);
    expect(hits(after)).toBe(hits(before) + 1);
    expect(after?.misses).toBe(before?.misses);
  });

  it('answers a miss with the stored form of what it loaded, tags included', async () => {
    const cache = make();
    const answer = await cache.answer(key('p2'), async () => ({ n: 2 }), {
      ttlMs: 10_000,
      tags: (value) => [`n:${value.n}`],
    });
    expect(answer.bytes.toString()).toBe(superjson.stringify({ n: 2 }));
    expect(answer.tagsJson).toBe('["n:2"]');
    expect(await cache.getOrSet(key('p2'), async () => ({ n: 3 }), { ttlMs: 10_000 })).toEqual({
      n: 2,
    });
  });

  it('reports per-route stats, entries, counts and prom-client metrics labelled by route', async () => {
    const cache = make();
    await cache.getOrSet(key(1), async () => 1, { ttlMs: 10_000, tags: ['a'] });
    await cache.getOrSet(key(1), async () => 1, { ttlMs: 10_000, tags: ['a'] });
    await cache.getOrSet(key(2), async () => 2, { ttlMs: 10_000, tags: ['b'] });
    const stats = await cache.stats();
    expect(stats.mode).toBe(redis() ? 'redis' : 'memory');
    const route = stats.routes['item.get'];
    expect(route).toMatchObject({ misses: 2, loaderCalls: 2 });
    expect((route?.l1Hits ?? 0) + (route?.l2Hits ?? 0)).toBe(1);
    expect(await cache.countEntries({ tag: 'a' })).toBe(1);
    expect(await cache.countEntries({ all: true })).toBe(2);
    const listed = await cache.entries({ route: 'item.get', limit: 1 });
    expect(listed.entries).toHaveLength(1);
    expect(listed.nextCursor).toBe('1');
    const registry = new Registry();
    cache.registerMetrics(registry);
    const metrics = await registry.metrics();
    expect(metrics).toContain('cache_misses_total{route="item.get"} 2');
    expect(metrics).toContain('cache_loader_calls_total{route="item.get"} 2');
    expect(metrics).toMatch(/cache_l1_entries \d/);
    expect(metrics).toContain(`cache_redis_up ${redis() ? 1 : 0}`);
    expect(metrics).not.toContain('key=');
    // Scraped again, counters keep their totals (they are copied, not added up twice).
    expect(await registry.metrics()).toContain('cache_misses_total{route="item.get"} 2');
  });
});
