import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Cache, createCache, type InvalidationEvent, unknownPosition } from '../src';

let counter = 0;
const caches: Cache[] = [];
const namespace = () => `replay-${process.pid}-${++counter}`;

function make(options: Parameters<typeof createCache>[0]): Cache {
  const cache = createCache(options);
  caches.push(cache);
  return cache;
}

async function eventually(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A Redis-backed instance once it knows where it stands (its probe came back on the bus). */
async function placed(ns: string, options: { maxEvents?: number } = {}): Promise<Cache> {
  const cache = make({ namespace: ns, redis: inject('redisUrl'), eventLog: options });
  await eventually(() => cache.position() !== unknownPosition);
  return cache;
}

/** What a page would learn from the events: the tags each names. */
const tagsOf = (events: InvalidationEvent[] | undefined) =>
  events?.map((event) => (event.kind === 'invalidated' ? event.tags : event.kind));

afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
});

describe('eventsSince, in memory mode', () => {
  it('replays what came after a position, in order, each event with its own position', async () => {
    const cache = make({ namespace: namespace() });
    await cache.invalidateTags(['before']);
    const rendered = cache.position();
    await cache.invalidateTags(['a']);
    await cache.invalidateRoute('item.list');
    await cache.clear();
    const events = await cache.eventsSince(rendered);
    expect(events?.map((e) => e.kind)).toEqual(['invalidated', 'invalidated', 'cleared']);
    expect(tagsOf(events)?.[0]).toEqual(['a']);
    const last = events?.at(-1);
    expect(last?.kind === 'cleared' && last.position).toBe(cache.position());
    expect(await cache.eventsSince(cache.position())).toEqual([]);
  });

  it('cannot replay from a position older than the log, unknown, or of another process', async () => {
    const cache = make({ namespace: namespace(), eventLog: { maxEvents: 2 } });
    const rendered = cache.position();
    for (const tag of ['a', 'b', 'c']) await cache.invalidateTags([tag]);
    expect(await cache.eventsSince(rendered)).toBeUndefined();
    const other = make({ namespace: namespace() });
    expect(await other.eventsSince(cache.position())).toBeUndefined();
    expect(await cache.eventsSince(unknownPosition)).toBeUndefined();
    expect(await cache.eventsSince('not a position')).toBeUndefined();
  });
});

describe('eventsSince, with Redis', () => {
  it('replays on one instance what another invalidated after the position a third one gave', async () => {
    const ns = namespace();
    const [a, b, c] = await Promise.all([placed(ns), placed(ns), placed(ns)]);
    const rendered = c.position();
    await a.invalidateTags(['owner:7']);
    await a.expireTags(['soft:1']);
    // B has not necessarily heard either yet: the log it reads is Redis's.
    const events = await b.eventsSince(rendered);
    expect(events).toEqual([
      {
        kind: 'invalidated',
        tags: ['owner:7'],
        routes: [],
        soft: false,
        position: expect.any(String),
      },
      {
        kind: 'invalidated',
        tags: ['soft:1'],
        routes: [],
        soft: true,
        position: expect.any(String),
      },
    ]);
    const last = events?.at(-1);
    await eventually(() => b.position() === (last?.kind === 'invalidated' && last.position));
    expect(await b.eventsSince(b.position())).toEqual([]);
  });

  it("a position is where the instance stands: what it heard, every event's own", async () => {
    const ns = namespace();
    const [a, b] = await Promise.all([placed(ns), placed(ns)]);
    const heard: InvalidationEvent[] = [];
    b.onInvalidation((event) => heard.push(event));
    await a.invalidateTags(['x']);
    await b.invalidateTags(['y']);
    await eventually(() => heard.length === 2);
    const positions = heard.map((e) => (e.kind === 'invalidated' ? e.position : undefined));
    expect(positions[1]).toBe(b.position());
    // Resuming from the first event's position gives the second, and only it.
    expect(tagsOf(await a.eventsSince(positions[0] ?? ''))).toEqual([['y']]);
  });

  it('cannot replay from a position older than the log holds', async () => {
    const ns = namespace();
    const a = await placed(ns, { maxEvents: 3 });
    const rendered = a.position();
    for (const tag of ['a', 'b', 'c']) await a.invalidateTags([tag]);
    expect(tagsOf(await a.eventsSince(rendered))).toEqual([['a'], ['b'], ['c']]);
    await a.invalidateTags(['d']);
    expect(await a.eventsSince(rendered)).toBeUndefined();
  });

  it('cannot replay from a position taken before Redis lost its data', async () => {
    const ns = namespace();
    const a = await placed(ns);
    await a.invalidateTags(['a']);
    const rendered = a.position();
    const raw = new Redis(inject('redisUrl'));
    try {
      // As a Redis restarted empty would: the namespace's counter, base and log are gone.
      await raw.del(`{${ns}}:seq`, `{${ns}}:base`, `{${ns}}:log`);
    } finally {
      raw.disconnect();
    }
    await a.invalidateTags(['b']);
    expect(await a.eventsSince(rendered)).toBeUndefined();
  });

  it('has no position to give while invalidations wait for Redis', async () => {
    const ns = namespace();
    const a = make({
      namespace: ns,
      redis: 'redis://127.0.0.1:1',
      timeouts: { redisMs: 50 },
    });
    expect(await a.invalidateTags(['a'])).toBe('queued');
    expect(a.position()).toBe(unknownPosition);
    expect(await a.eventsSince(unknownPosition)).toBeUndefined();
  });
});
