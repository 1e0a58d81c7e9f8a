import type { AppRouter } from '@garage/api';
import { createTRPCUntypedClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { BatchPositions, cacheLink } from '~/trpc/cache-link';
import { CacheTagIndex } from '~/trpc/cache-tag-index';
import type { LiveEvent } from '~/trpc/live-resume';

/**
 * A tab's tRPC client (untyped: any path and input) over a fake API: every batch is answered
 * with one null result per call and `headers`, as the API answers (the cache headers list each
 * call's entry in call order).
 */
function tab(
  headers: (batch: number) => Record<string, string>,
  refetched: Promise<void> = Promise.resolve(),
) {
  const index = new CacheTagIndex();
  const positions = new BatchPositions();
  const applied: LiveEvent[] = [];
  const refetches: string[] = [];
  const batches: string[] = [];
  const client = createTRPCUntypedClient<AppRouter>({
    links: [
      cacheLink({
        positions,
        index,
        apply: (event, refetch) => {
          applied.push(event);
          refetches.push(refetch);
          return refetched;
        },
      }),
      httpBatchLink({
        url: 'http://api/trpc',
        transformer: superjson,
        headers: positions.note,
        fetch: async (url) => {
          const calls = new URL(String(url)).pathname.split('/').pop()?.split(',') ?? [];
          batches.push(calls.join(','));
          const body = calls.map(() => ({ result: { data: superjson.serialize(null) } }));
          return new Response(JSON.stringify(body), { headers: headers(batches.length - 1) });
        },
      }),
    ],
  });
  return { client, index, applied, refetches, batches };
}

const keyOf = (path: string, input?: unknown, type = 'query') => [
  path.split('.'),
  { ...(input === undefined ? {} : { input }), type },
];

describe('CacheTagIndex, learning through the cache link', () => {
  it('maps each call of a batch to its tags and finds the queries an event reaches', async () => {
    const { client, index, batches } = tab(() => ({
      'x-cache-tags': JSON.stringify([['vehicle:5', 'owner:2'], ['vehicle:6', 'owner:3'], null]),
    }));
    await Promise.all([
      client.query('vehicle.byId', { id: 5 }),
      client.query('vehicle.byId', { id: 6 }),
      client.query('auth.me'),
    ]);
    expect(batches).toEqual(['vehicle.byId,vehicle.byId,auth.me']);
    const event = { tags: ['owner:2'], routes: [] };
    expect(index.reaches(keyOf('vehicle.byId', { id: 5 }), event)).toBe(true);
    expect(index.reaches(keyOf('vehicle.byId', { id: 6 }), event)).toBe(false);
    // Not cached: only a route or a missed event reaches it.
    expect(index.reaches(keyOf('auth.me'), event)).toBe(false);
    expect(index.reaches(keyOf('auth.me'), { tags: [], routes: ['auth.me'] })).toBe(true);
  });

  it('matches inputs whatever their key order, Dates included', async () => {
    const { client, index } = tab(() => ({ 'x-cache-tags': '[["workorder:1"]]' }));
    const when = new Date('2026-12-02T10:00:00Z');
    await client.query('workOrder.list', { search: 'a', from: when });
    const key = keyOf('workOrder.list', { from: new Date(when), search: 'a' });
    expect(index.reaches(key, { tags: ['workorder:1'], routes: [] })).toBe(true);
    expect(index.reaches(key, { tags: ['workorder:2'], routes: [] })).toBe(false);
  });

  it("gathers an infinite list's pages under its key, and starts over on a first page", async () => {
    const pages = ['[["vehicle:1"]]', '[["vehicle:2"]]', '[["vehicle:3"]]'];
    const { client, index } = tab((batch) => ({ 'x-cache-tags': pages[batch] ?? 'null' }));
    const key = keyOf('vehicle.list', { search: 'x' }, 'infinite');
    await client.query('vehicle.list', { search: 'x', cursor: null });
    await client.query('vehicle.list', { search: 'x', cursor: 10 });
    expect(index.reaches(key, { tags: ['vehicle:1'], routes: [] })).toBe(true);
    expect(index.reaches(key, { tags: ['vehicle:2'], routes: [] })).toBe(true);
    await client.query('vehicle.list', { search: 'x', cursor: null });
    expect(index.reaches(key, { tags: ['vehicle:1'], routes: [] })).toBe(false);
  });

  it('lets every event reach a query it has not seen (prefetched by the server), and no other key', () => {
    const index = new CacheTagIndex();
    expect(index.reaches(keyOf('workOrder.board'), { tags: ['x'], routes: [] })).toBe(true);
    expect(index.reaches(['not-trpc'], { tags: ['x'], routes: [] })).toBe(false);
  });

  it("applies each mutation's own invalidations, by its place in the batch, before it resolves", async () => {
    const invalidated = { kind: 'invalidated', tags: ['owner:7'], routes: ['vehicle.list'] };
    let refetchDone = () => {};
    const refetched = new Promise<void>((resolve) => {
      refetchDone = resolve;
    });
    const { client, applied } = tab(
      () => ({ 'x-cache-invalidated': JSON.stringify([null, invalidated]) }),
      refetched,
    );
    const resolved: string[] = [];
    const writes = Promise.all([
      client.mutation('settings.update', { name: 'Shop' }).then(() => resolved.push('settings')),
      client.mutation('vehicle.delete', { id: 3, version: 1 }).then(() => resolved.push('delete')),
    ]);
    await expect.poll(() => applied).toEqual([invalidated]);
    expect(resolved).toEqual(['settings']);
    refetchDone();
    await writes;
    expect(resolved).toEqual(['settings', 'delete']);
  });

  it('only marks stale what a write that leaves its page reached (its page would 404)', async () => {
    const invalidated = { kind: 'invalidated', tags: ['vehicle:3'], routes: ['vehicle.list'] };
    const { client, applied, refetches } = tab(() => ({
      'x-cache-invalidated': JSON.stringify([invalidated]),
    }));
    await client.mutation('vehicle.update', { id: 3, version: 1 });
    await client.mutation(
      'vehicle.delete',
      { id: 3, version: 2 },
      { context: { leavesPage: true } },
    );
    expect(applied).toEqual([invalidated, invalidated]);
    expect(refetches).toEqual(['active', 'none']);
  });
});
