import { startRedis, startRedisCluster, startTcpProxy, type TcpProxy } from '@garage/test-services';
import { Cluster, Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Cache, createCache, hashInput } from '../src';
import { gate } from './support/gate';

let counter = 0;
const caches: Cache[] = [];
const closers: (() => Promise<unknown>)[] = [];
const namespace = () => `redis-${process.pid}-${++counter}`;
const key = (input: unknown) => ({ route: 'item.get', scope: 'public', input });

function make(options: Parameters<typeof createCache>[0]): Cache {
  const cache = createCache(options);
  caches.push(cache);
  return cache;
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((r) => setTimeout(r, 25));
  }
}

afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
  for (const close of closers.splice(0)) await close();
});

describe('Redis-backed cache', () => {
  it('shares entries between instances and propagates invalidations to the other L1 over the bus', async () => {
    const ns = namespace();
    const a = make({ namespace: ns, redis: inject('redisUrl') });
    const b = make({ namespace: ns, redis: inject('redisUrl') });
    let calls = 0;
    const load = async () => ++calls;
    const options = { ttlMs: 10_000, tags: ['shared'] };
    await a.getOrSet(key(1), load, options);
    await eventually(async () => (await b.getOrSet(key(1), load, options)) === 1);
    await eventually(async () => {
      await b.getOrSet(key(1), load, options);
      return ((await b.stats()).routes['item.get']?.l1Hits ?? 0) > 0;
    });
    await a.invalidateTags(['shared']);
    await eventually(async () => (await b.getOrSet(key(1), load, options)) === 2);
    // B timed the message it applied; A ignores its own.
    const metricsOf = (cache: Cache) => {
      const registry = new Registry();
      cache.registerMetrics(registry);
      return registry.metrics();
    };
    expect(await metricsOf(b)).toContain('cache_bus_lag_seconds_count 1');
    expect(await metricsOf(a)).toContain('cache_bus_lag_seconds_count 0');
  });

  it('keeps the ETag beside the bytes in Redis: another instance hands out the same one', async () => {
    const ns = namespace();
    const a = make({ namespace: ns, redis: inject('redisUrl') });
    const b = make({ namespace: ns, redis: inject('redisUrl'), l1: { maxBytes: 0 } });
    await a.getOrSet(key('etag'), async () => ({ rows: [1, 2, 3] }), {
      ttlMs: 10_000,
      tags: ['t'],
    });
    const stored = async () => {
      throw new Error('the answer is stored: nothing loads');
    };
    const fromA = await a.answer(key('etag'), stored, { ttlMs: 10_000 });
    const fromB = await b.answer(key('etag'), stored, { ttlMs: 10_000 });
    expect(fromA.etag).toMatch(/^"[\w-]{27}"$/);
    expect(fromB.etag).toBe(fromA.etag);
    expect(fromB.tags).toEqual(['t']);
    expect(fromB.bytes.equals(fromA.bytes)).toBe(true);
  });

  it("never stores a load held open across another instance's invalidation", async () => {
    const ns = namespace();
    const a = make({ namespace: ns, redis: inject('redisUrl') });
    const b = make({ namespace: ns, redis: inject('redisUrl') });
    const held = gate();
    const loading = gate();
    const stale = a.getOrSet(
      key('held'),
      async () => {
        loading.open();
        await held.opened;
        return 'old';
      },
      { ttlMs: 60_000, tags: ['row:1'] },
    );
    await loading.opened;
    await b.invalidateTags(['row:1']);
    held.open();
    expect(await stale).toBe('old');
    expect(await b.getOrSet(key('held'), async () => 'new', { ttlMs: 60_000 })).toBe('new');
    expect(await a.getOrSet(key('held'), async () => 'newer', { ttlMs: 60_000 })).toBe('new');
  });

  it("flushes L1 when a publisher's sequence numbers show a lost message", async () => {
    const url = inject('redisUrl');
    const ns = namespace();
    const b = make({ namespace: ns, redis: url });
    await eventually(async () => {
      await b.getOrSet(key(1), async () => 1, { ttlMs: 60_000 });
      return (await b.stats()).l1.entries === 1;
    });
    const raw = new Redis(url);
    closers.push(() => raw.quit());
    const message = {
      origin: 'other-instance',
      publisherSeq: 7,
      seq: '0',
      soft: false,
      fields: ['t:unrelated'],
      sentAtMs: String(Date.now()),
    };
    await raw.publish(`{${ns}}:bus`, JSON.stringify(message));
    await eventually(async () => (await b.stats()).l1.entries === 0);
  });

  it('caps the L1 lifetime below the entry TTL', async () => {
    const cache = make({ namespace: namespace(), redis: inject('redisUrl'), l1: { maxTtlMs: 50 } });
    await eventually(async () => {
      await cache.getOrSet(key('cap'), async () => 1, { ttlMs: 60_000 });
      return (await cache.stats()).l1.entries === 1;
    });
    await new Promise((r) => setTimeout(r, 100));
    const before = (await cache.stats()).routes['item.get']?.l2Hits ?? 0;
    expect(await cache.getOrSet(key('cap'), async () => 2, { ttlMs: 60_000 })).toBe(1);
    expect((await cache.stats()).routes['item.get']?.l2Hits).toBe(before + 1);
  });

  it('does not touch foreign keys and invalidates 10k entries in one round trip', async () => {
    const url = inject('redisUrl');
    const raw = new Redis(url);
    closers.push(() => raw.quit());
    await raw.set('foreign:key', 'keep');
    // 500 fills at a time: a generous timeout, so a busy machine cannot make a store give up.
    const cache = make({ namespace: namespace(), redis: url, timeouts: { redisMs: 5_000 } });
    for (let i = 0; i < 10_000; i += 500) {
      await Promise.all(
        Array.from({ length: 500 }, (_, j) =>
          cache.getOrSet(key(i + j), async () => i + j, { ttlMs: 60_000, tags: ['bulk'] }),
        ),
      );
    }
    expect(await cache.countEntries({ tag: 'bulk' })).toBe(10_000);
    await cache.invalidateTags(['bulk']);
    expect(await cache.countEntries({ tag: 'bulk' })).toBe(0);
    await cache.clear();
    expect(await raw.get('foreign:key')).toBe('keep');
  });

  it('falls through to the loader when nothing listens, without hanging', async () => {
    const cache = make({
      namespace: namespace(),
      redis: 'redis://127.0.0.1:1',
      timeouts: { redisMs: 100 },
    });
    let calls = 0;
    for (let i = 0; i < 3; i++) {
      expect(await cache.getOrSet(key(1), async () => ++calls, { ttlMs: 10_000 })).toBe(i + 1);
    }
    const stats = await cache.stats();
    expect(stats.mode).toBe('degraded');
    // Loads while Redis is unusable still count as misses (the panel's hit ratio stays honest).
    expect(stats.routes['item.get']).toMatchObject({ misses: 3, l1Hits: 0, l2Hits: 0 });
  });

  for (const mode of ['reset', 'blackhole'] as const) {
    it(`survives a proxy cut (${mode}), opens and closes the circuit, replays invalidations`, async () => {
      const target = Number(new URL(inject('redisUrl')).port);
      const proxy: TcpProxy = await startTcpProxy(target);
      closers.push(() => proxy.close());
      const ns = namespace();
      const options = {
        namespace: ns,
        redis: `redis://127.0.0.1:${proxy.port}`,
        timeouts: { redisMs: 150 },
        circuit: { failureThreshold: 2, probeAfterMs: 200 },
      };
      const cache = make(options);
      const tagged = { ttlMs: 60_000, tags: ['outage'] };
      expect(await cache.getOrSet(key(1), async () => 'before', tagged)).toBe('before');
      proxy.cut(mode);
      await cache.invalidateTags(['outage']);
      for (let i = 0; i < 4; i++) {
        expect(await cache.getOrSet(key(1), async () => 'during', tagged)).toBe('during');
      }
      expect((await cache.stats()).mode).toBe('degraded');
      proxy.restore();
      await eventually(async () => (await cache.stats()).pendingInvalidations === 0);
      await eventually(async () => (await cache.stats()).mode === 'redis');
      const fresh = make({ ...options, redis: inject('redisUrl') });
      expect(await fresh.getOrSet(key(1), async () => 'after', tagged)).toBe('after');
    });
  }
});

describe('a Redis that restarted empty', () => {
  // The namespace counter is gone with the data: it must restart above every number instances
  // and in-flight loads still hold.
  async function restartedRedis() {
    const redis = await startRedis();
    closers.push(() => redis.destroy());
    return redis;
  }
  const restart = async (
    redis: { stop(): Promise<void>; start(): Promise<void> },
    cache: Cache,
  ) => {
    await redis.stop();
    await redis.start();
    await eventually(async () => (await cache.stats()).mode === 'redis');
  };

  it('lets L1 keep values again, including ones invalidated before the restart', async () => {
    const redis = await restartedRedis();
    const cache = make({ namespace: namespace(), redis: redis.url });
    const options = { ttlMs: 60_000, tags: ['t:1'] };
    for (let i = 0; i < 20; i++) await cache.invalidateTags(['t:1']);
    await restart(redis, cache);
    await eventually(async () => {
      await cache.getOrSet(key('after'), async () => 'v', options);
      return ((await cache.stats()).routes['item.get']?.l1Hits ?? 0) > 0;
    });
  });

  it('refuses to store a load snapshotted before the restart, whose tag was invalidated then', async () => {
    const redis = await restartedRedis();
    const ns = namespace();
    const cache = make({ namespace: ns, redis: redis.url });
    const held = gate();
    const loading = gate();
    const stale = cache.getOrSet(
      key('held'),
      async () => {
        loading.open();
        await held.opened;
        return 'old';
      },
      { ttlMs: 60_000, tags: ['t:held'] },
    );
    await loading.opened;
    // Another instance's write, then Redis loses everything, invalidation record included.
    const other = make({ namespace: ns, redis: redis.url });
    await other.invalidateTags(['t:held']);
    await restart(redis, other);
    await eventually(async () => (await cache.stats()).mode === 'redis');
    // The first thing the empty Redis hears is an unrelated invalidation: it restarts the
    // sequence, and must set the base the held store is judged by.
    await other.invalidateTags(['t:unrelated']);
    expect((await other.stats()).pendingInvalidations).toBe(0);
    held.open();
    expect(await stale).toBe('old');
    const fresh = make({ namespace: ns, redis: redis.url });
    expect(await fresh.getOrSet(key('held'), async () => 'new', { ttlMs: 60_000 })).toBe('new');
  });
});

describe('cluster-wide fill lease (opt-in)', () => {
  const slowLoader = (counter: { calls: number }) => async () => {
    counter.calls++;
    await new Promise((r) => setTimeout(r, 100));
    return { loadedAt: counter.calls };
  };

  it('runs the loader once across two instances for 2 × 100 concurrent misses', async () => {
    const ns = namespace();
    const lease = { ttlMs: 2_000, waitMs: 2_000, pollMs: 10 };
    const a = make({ namespace: ns, redis: inject('redisUrl'), lease });
    const b = make({ namespace: ns, redis: inject('redisUrl'), lease });
    const counter = { calls: 0 };
    const loader = slowLoader(counter);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? a : b).getOrSet(key('hot'), loader, { ttlMs: 10_000 }),
      ),
    );
    expect(counter.calls).toBe(1);
    expect(new Set(results.map((r) => r.loadedAt))).toEqual(new Set([1]));
  });

  it('without the lease, each instance loads once (single flight is per instance)', async () => {
    const ns = namespace();
    const a = make({ namespace: ns, redis: inject('redisUrl') });
    const b = make({ namespace: ns, redis: inject('redisUrl') });
    const counter = { calls: 0 };
    const loader = slowLoader(counter);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? a : b).getOrSet(key('hot'), loader, { ttlMs: 10_000 }),
      ),
    );
    expect(counter.calls).toBe(2);
  });

  it('gives the lease back with the store, and after a loader failure, so the next miss loads at once', async () => {
    const ns = namespace();
    const lease = { ttlMs: 60_000, waitMs: 60_000, pollMs: 10 };
    const cache = make({ namespace: ns, redis: inject('redisUrl'), lease });
    const other = new Redis(inject('redisUrl'));
    closers.push(() => other.quit());
    const leaseOf = (input: string) => `{${ns}}:e:item.get:public:${hashInput(input)}:lease`;
    expect(await cache.getOrSet(key('stored'), async () => 1, { ttlMs: 10_000 })).toBe(1);
    expect(await other.exists(leaseOf('stored'))).toBe(0);
    const failing = async () => {
      throw new Error('database down');
    };
    await expect(cache.getOrSet(key('failed'), failing, { ttlMs: 10_000 })).rejects.toThrow();
    expect(await other.exists(leaseOf('failed'))).toBe(0);
    // Were the lease left behind, this would wait the whole minute of waitMs.
    expect(await cache.getOrSet(key('failed'), async () => 2, { ttlMs: 10_000 })).toBe(2);
  });

  it('loads anyway once waitMs passes when the holder never delivers (e.g. it died)', async () => {
    const ns = namespace();
    const lease = { ttlMs: 60_000, waitMs: 150, pollMs: 10 };
    const cache = make({ namespace: ns, redis: inject('redisUrl'), lease });
    const other = new Redis(inject('redisUrl'));
    closers.push(() => other.quit());
    // Another instance took this key's lease and vanished without releasing it.
    await other.set(`{${ns}}:e:item.get:public:${hashInput('stuck')}:lease`, 'gone', 'PX', 60_000);
    const counter = { calls: 0 };
    const value = await cache.getOrSet(key('stuck'), slowLoader(counter), { ttlMs: 10_000 });
    expect(value).toEqual({ loadedAt: 1 });
    expect(counter.calls).toBe(1);
    expect(await other.get(`{${ns}}:e:item.get:public:${hashInput('stuck')}:lease`)).toBe('gone');
  });
});

describe('Redis Cluster', () => {
  it('stores, invalidates and clears on a 3-master cluster', async () => {
    const cluster = await startRedisCluster(3);
    closers.push(() => cluster.destroy());
    const client = new Cluster(cluster.nodes, { enableOfflineQueue: false });
    client.on('error', () => undefined);
    closers.unshift(async () => client.disconnect());
    const cache = make({ namespace: namespace(), redis: client, timeouts: { redisMs: 1_000 } });
    let calls = 0;
    const load = async () => ++calls;
    await eventually(async () => {
      await cache.getOrSet(key(1), load, { ttlMs: 60_000, tags: ['c'] });
      return (await cache.countEntries({ all: true })) === 1;
    });
    const before = calls;
    await cache.invalidateTags(['c']);
    expect(await cache.getOrSet(key(1), load, { ttlMs: 60_000, tags: ['c'] })).toBe(before + 1);
    await cache.clear();
    expect(await cache.countEntries({ all: true })).toBe(0);
    expect((await cache.stats()).redis?.usedMemoryBytes).toBeGreaterThan(0);
  }, 60_000);
});
