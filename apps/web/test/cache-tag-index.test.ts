import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { CacheTagIndex } from '~/trpc/cache-tag-index';

/** A batched GET as tRPC's httpBatchLink sends it. */
function batchUrl(calls: [path: string, input: unknown][]): string {
  const inputs = Object.fromEntries(calls.map(([, input], i) => [i, superjson.serialize(input)]));
  const paths = calls.map(([path]) => path).join(',');
  return `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
}

const keyOf = (path: string, input?: unknown, type = 'query') => [
  path.split('.'),
  { ...(input === undefined ? {} : { input }), type },
];

describe('CacheTagIndex', () => {
  it('maps each call of a batch to its tags and finds the queries an event reaches', () => {
    const index = new CacheTagIndex();
    index.record(
      batchUrl([
        ['vehicle.byId', { id: 5 }],
        ['vehicle.byId', { id: 6 }],
        ['auth.me', undefined],
      ]),
      JSON.stringify([['vehicle:5', 'owner:2'], ['vehicle:6', 'owner:3'], null]),
    );
    const event = { tags: ['owner:2'], routes: [] };
    expect(index.reaches(keyOf('vehicle.byId', { id: 5 }), event)).toBe(true);
    expect(index.reaches(keyOf('vehicle.byId', { id: 6 }), event)).toBe(false);
    // Not cached: only a route or a missed event reaches it.
    expect(index.reaches(keyOf('auth.me'), event)).toBe(false);
    expect(index.reaches(keyOf('auth.me'), { tags: [], routes: ['auth.me'] })).toBe(true);
  });

  it('matches inputs whatever their key order, Dates included', () => {
    const index = new CacheTagIndex();
    const when = new Date('2026-12-02T10:00:00Z');
    index.record(batchUrl([['workOrder.list', { search: 'a', from: when }]]), '[["workorder:1"]]');
    const key = keyOf('workOrder.list', { from: new Date(when), search: 'a' });
    expect(index.reaches(key, { tags: ['workorder:1'], routes: [] })).toBe(true);
    expect(index.reaches(key, { tags: ['workorder:2'], routes: [] })).toBe(false);
  });

  it("gathers an infinite list's pages under its key, and starts over on a first page", () => {
    const index = new CacheTagIndex();
    const key = keyOf('vehicle.list', { search: 'x' }, 'infinite');
    index.record(batchUrl([['vehicle.list', { search: 'x', cursor: null }]]), '[["vehicle:1"]]');
    index.record(batchUrl([['vehicle.list', { search: 'x', cursor: 10 }]]), '[["vehicle:2"]]');
    expect(index.reaches(key, { tags: ['vehicle:1'], routes: [] })).toBe(true);
    expect(index.reaches(key, { tags: ['vehicle:2'], routes: [] })).toBe(true);
    index.record(batchUrl([['vehicle.list', { search: 'x', cursor: null }]]), '[["vehicle:3"]]');
    expect(index.reaches(key, { tags: ['vehicle:1'], routes: [] })).toBe(false);
  });

  it('lets every event reach a query it has not seen (prefetched by the server), and no other key', () => {
    const index = new CacheTagIndex();
    expect(index.reaches(keyOf('workOrder.board'), { tags: ['x'], routes: [] })).toBe(true);
    expect(index.reaches(['not-trpc'], { tags: ['x'], routes: [] })).toBe(false);
  });
});
