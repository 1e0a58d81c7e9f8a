import { initTRPC } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Cache, createCache } from '../src';
import { createCacheProcedures, parseQueryRequest, storedResponseBody } from '../src/trpc';

interface Ctx {
  user: { id: string; role: string } | null;
}

const caches: Cache[] = [];
afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
});

// A server that answers from stored responses when it can and through tRPC otherwise, as the
// API does.
function setup(options: { graceMs?: number } = {}) {
  const cache = createCache({ namespace: `stored-${process.pid}-${Math.random()}` });
  caches.push(cache);
  const t = initTRPC.context<Ctx>().create({ transformer: superjson });
  const { cachedQuery, invalidatingMutation, answerer } = createCacheProcedures<Ctx>({
    cache,
    principal: (ctx) => ctx.user,
  });
  let loads = 0;
  let version = 1;
  const router = t.router({
    item: t.router({
      byId: cachedQuery(
        t.procedure.input(z.object({ id: z.number(), since: z.date().optional() })),
        {
          ttlMs: 60_000,
          scope: 'role',
          ...options,
          query: ({ input }) => {
            loads++;
            return {
              id: input.id,
              version,
              at: new Date(0),
              since: input.since,
              labels: new Map([['colour', 'red']]),
              notes: undefined,
            };
          },
          tags: () => ['items'],
        },
      ),
      mine: cachedQuery(t.procedure, {
        ttlMs: 60_000,
        query: ({ ctx }) => {
          loads++;
          return { owner: ctx.user?.id };
        },
      }),
      shared: cachedQuery(t.procedure, {
        ttlMs: 60_000,
        scope: 'public',
        query: () => {
          loads++;
          return { everyone: true };
        },
      }),
      uncached: t.procedure.query(() => ({ plain: true })),
      touch: invalidatingMutation(t.procedure, {
        mutation: () => {
          version++;
          return { version };
        },
        tags: () => ['items'],
      }),
    }),
  });
  const fastPath = answerer(router);

  const contextOf = (request: Request): Ctx => {
    const who = request.headers.get('x-user');
    const [id = '', role = ''] = who?.split(':') ?? [];
    return { user: who ? { id, role } : null };
  };
  /** What tRPC itself answers, the fast path never asked. */
  async function viaTrpc(request: Request): Promise<string> {
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: request,
      router,
      createContext: () => contextOf(request),
    });
    return response.text();
  }
  /** The response, and whether the fast path answered it (else tRPC did). */
  async function send(request: Request): Promise<{ body: string; fromStore: boolean }> {
    const url = new URL(request.url);
    const query = parseQueryRequest({
      method: request.method,
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      basePath: '/trpc/',
    });
    const payloads = query && (await fastPath.answer(query, contextOf(request)));
    if (query && payloads) {
      const answers = payloads.map((call) => call.answer);
      return { body: storedResponseBody(query, answers).toString('utf8'), fromStore: true };
    }
    return { body: await viaTrpc(request), fromStore: false };
  }
  return { cache, send, viaTrpc, loads: () => loads, paths: fastPath.paths };
}

const get = (path: string, input?: unknown, user = 'u1:staff') => {
  const params = new URLSearchParams(path.includes(',') ? { batch: '1' } : {});
  if (input !== undefined) params.set('input', JSON.stringify(input));
  return new Request(`http://localhost/trpc/${path}?${params}`, {
    headers: user ? { 'x-user': user } : {},
  });
};
const post = (path: string) =>
  new Request(`http://localhost/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': 'u1:staff' },
    body: '{}',
  });
const single = (input: unknown) => superjson.serialize(input);
const batch = (...inputs: unknown[]) =>
  Object.fromEntries(inputs.map((input, index) => [index, superjson.serialize(input)]));

describe('answering cached queries from stored responses', () => {
  it('sends exactly the bytes tRPC sends, single and batched, Dates, Maps and undefined included, loaded or stored', async () => {
    const { send, viaTrpc, loads } = setup();
    const first = () => get('item.byId', single({ id: 1, since: new Date(5) }));
    const requests = [first, () => get('item.byId,item.byId', batch({ id: 2 }, { id: 3 }))];
    for (const request of requests) {
      // The miss is loaded and stored on the way; tRPC then answers from that entry, parsing
      // and serializing it again; the fast path's next answer is a hit.
      const loaded = await send(request());
      expect(loaded.fromStore).toBe(true);
      expect(loaded.body).toBe(await viaTrpc(request()));
      expect(await send(request())).toEqual(loaded);
    }
    expect(loads()).toBe(3);
    expect(superjson.deserialize(JSON.parse((await send(first())).body).result.data)).toEqual({
      id: 1,
      version: 1,
      at: new Date(0),
      since: new Date(5),
      labels: new Map([['colour', 'red']]),
      notes: undefined,
    });
  });

  it('knows its cached queries up front, and answers a request in full or leaves it to tRPC', async () => {
    const { cache, send, paths } = setup();
    expect([...paths].sort()).toEqual(['item.byId', 'item.mine', 'item.shared']);
    expect((await send(get('item.byId', single({ id: 1 })))).fromStore).toBe(true);
    // A hit and a miss in one batch: both answered here, each counted once.
    const mixed = await send(get('item.byId,item.byId', batch({ id: 1 }, { id: 9 })));
    expect(mixed.fromStore).toBe(true);
    const stats = (await cache.stats()).routes['item.byId'];
    expect(stats).toMatchObject({ l1Hits: 1, misses: 2 });
    expect((await send(get('item.nope', single({ id: 1 })))).fromStore).toBe(false);
    expect((await send(get('item.uncached'))).fromStore).toBe(false);
    expect(await send(get('item.byId,item.uncached', batch({ id: 1 })))).toMatchObject({
      fromStore: false,
    });
    // Input the schema refuses is tRPC's to answer, with its error.
    const refused = await send(get('item.byId', single({ id: 'one' })));
    expect(refused.fromStore).toBe(false);
    expect(refused.body).toContain('BAD_REQUEST');
  });

  it('never answers another principal, another role or the signed-out from a scoped entry', async () => {
    const { send, loads } = setup();
    await send(get('item.mine', undefined, 'u1:customer'));
    const again = await send(get('item.mine', undefined, 'u1:customer'));
    expect(again.body).toContain('"owner":"u1"');
    expect(loads()).toBe(1);
    const other = await send(get('item.mine', undefined, 'u2:customer'));
    expect(other.body).toContain('"owner":"u2"');
    expect(loads()).toBe(2);
    // The same person under another role is another principal (a role change is not inherited).
    await send(get('item.mine', undefined, 'u1:staff'));
    expect(loads()).toBe(3);

    await send(get('item.byId', single({ id: 1 }), 'u1:staff'));
    await send(get('item.byId', single({ id: 1 }), 'u2:staff'));
    expect(loads()).toBe(4);
    await send(get('item.byId', single({ id: 1 }), 'u3:customer'));
    expect(loads()).toBe(5);
    // Signed out, a role-scoped answer is not cached at all: tRPC loads it.
    expect((await send(get('item.byId', single({ id: 1 }), ''))).fromStore).toBe(false);
    expect(loads()).toBe(6);

    // A public entry is shared with everyone, the signed-out included.
    await send(get('item.shared'));
    expect((await send(get('item.shared', undefined, ''))).fromStore).toBe(true);
    expect(loads()).toBe(7);
  });

  it('stops answering the moment a mutation invalidates, and never answers grace', async () => {
    for (const graceMs of [0, 60_000]) {
      const { send, loads } = setup({ graceMs });
      await send(get('item.byId', single({ id: 1 })));
      expect((await send(post('item.touch'))).body).toContain('"version":2');
      const after = await send(get('item.byId', single({ id: 1 })));
      expect(after.body).toContain('"version":2');
      expect(loads()).toBe(2);
    }
  });

  it('leaves to tRPC what it would read otherwise', () => {
    const read = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
      parseQueryRequest({ method, url, headers, basePath: '/trpc/' });
    expect(read('/trpc/item.byId?input=%7B%7D', {}, 'POST')).toBeUndefined();
    expect(read('/trpc/item.byId', { 'trpc-accept': 'application/jsonl' })).toBeUndefined();
    expect(read('/trpc/item.byId', { accept: 'application/jsonl' })).toBeUndefined();
    expect(read('/trpc/item.byId?connectionParams=1')).toBeUndefined();
    expect(read('/trpc/item.byId?input=%7Bnot-json')).toBeUndefined();
    expect(read('/trpc/a,b?batch=1&input=5')).toBeUndefined();
    expect(read('/trpc/a,b')).toBeUndefined();
    expect(read('/other/a')).toBeUndefined();
    expect(read('/trpc/a,b?batch=1')).toEqual({
      batch: true,
      calls: [
        { path: 'a', input: undefined },
        { path: 'b', input: undefined },
      ],
    });
  });
});
