import { startTcpProxy } from '@garage/test-services';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Cache, createCache, type InvalidationEvent, parsePosition } from '../src';

let counter = 0;
const caches: Cache[] = [];
const closers: (() => Promise<unknown>)[] = [];
const namespace = () => `events-${process.pid}-${++counter}`;

function make(options: Parameters<typeof createCache>[0]): Cache {
  const cache = createCache(options);
  caches.push(cache);
  return cache;
}

/** Records what a cache tells its listener. */
function record(cache: Cache) {
  const events: InvalidationEvent[] = [];
  const stop = cache.onInvalidation((event) => events.push(event));
  return { events, stop };
}

const positionOf = (event: InvalidationEvent) =>
  event.kind === 'missed' ? undefined : event.position;

/** The events as compared here: their positions are checked on their own. */
const withoutPositions = (events: InvalidationEvent[]) =>
  events.map((event) => {
    if (event.kind === 'missed') return event;
    const { position: _position, ...rest } = event;
    return rest;
  });

async function eventually(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Two instances on one namespace, both subscribed to the bus (each has heard its first loss). */
async function twoInstances() {
  const ns = namespace();
  const a = make({ namespace: ns, redis: inject('redisUrl') });
  const b = make({ namespace: ns, redis: inject('redisUrl') });
  const heardA = record(a);
  const heardB = record(b);
  // Subscribing counts as a loss (nothing before it was heard): wait for both to be on the bus.
  await eventually(() => heardA.events.length > 0 && heardB.events.length > 0);
  heardA.events.length = 0;
  heardB.events.length = 0;
  return { ns, a, b, heardA, heardB };
}

afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
  for (const close of closers.splice(0)) await close();
});

describe('onInvalidation', () => {
  it('tells both instances of an invalidation made on one, once each, with its tags, routes and position', async () => {
    const { a, heardA, heardB } = await twoInstances();
    await a.invalidateTags(['owner:1', 'vehicle:2']);
    await a.invalidateRoute('item.list');
    await a.expireTags(['soft:1']);
    const expected = [
      { kind: 'invalidated', tags: ['owner:1', 'vehicle:2'], routes: [], soft: false },
      { kind: 'invalidated', tags: [], routes: ['item.list'], soft: false },
      { kind: 'invalidated', tags: ['soft:1'], routes: [], soft: true },
    ];
    // The instance that made them hears them back from the bus, in the namespace's order.
    await eventually(() => heardA.events.length === 3 && heardB.events.length === 3);
    expect(withoutPositions(heardA.events)).toEqual(expected);
    expect(withoutPositions(heardB.events)).toEqual(expected);
    // One position each, the same on both instances, one apart (one number per invalidation).
    expect(heardB.events.map(positionOf)).toEqual(heardA.events.map(positionOf));
    const [first = 0, ...rest] = heardA.events.map((e) => parsePosition(positionOf(e) ?? '')?.seq);
    expect(rest).toEqual([first + 1, first + 2]);
  });

  it('says `cleared` for a clear of the namespace, on both instances', async () => {
    const { b, heardA, heardB } = await twoInstances();
    await b.clear();
    await eventually(() => heardA.events.length === 1 && heardB.events.length === 1);
    expect(withoutPositions(heardB.events)).toEqual([{ kind: 'cleared' }]);
    expect(withoutPositions(heardA.events)).toEqual([{ kind: 'cleared' }]);
  });

  it("says `missed` when a publisher's sequence numbers show a lost message", async () => {
    const { ns, heardB } = await twoInstances();
    const raw = new Redis(inject('redisUrl'));
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
    await eventually(() => heardB.events.length === 2);
    expect(withoutPositions(heardB.events)).toEqual([
      { kind: 'missed' },
      { kind: 'invalidated', tags: ['unrelated'], routes: [], soft: false },
    ]);
  });

  it('says `missed` when the bus connection drops, and again once it is back', async () => {
    const target = Number(new URL(inject('redisUrl')).port);
    const proxy = await startTcpProxy(target);
    closers.push(() => proxy.close());
    const cache = make({ namespace: namespace(), redis: `redis://127.0.0.1:${proxy.port}` });
    const heard = record(cache);
    await eventually(() => heard.events.length === 1);
    proxy.cut();
    await eventually(() => heard.events.length === 2);
    proxy.restore();
    await eventually(() => heard.events.length === 3);
    expect(heard.events).toEqual([{ kind: 'missed' }, { kind: 'missed' }, { kind: 'missed' }]);
  });

  it('stops telling a listener once it is removed, and a throwing listener harms nothing', async () => {
    const cache = make({ namespace: namespace() });
    const heard = record(cache);
    cache.onInvalidation(() => {
      throw new Error('a broken listener');
    });
    expect(await cache.invalidateTags(['a'])).toBe('done');
    heard.stop();
    await cache.invalidateTags(['b']);
    expect(withoutPositions(heard.events)).toEqual([
      { kind: 'invalidated', tags: ['a'], routes: [], soft: false },
    ]);
  });
});
