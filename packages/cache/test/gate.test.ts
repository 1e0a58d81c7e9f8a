import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { type Cache, createCache } from '../src';
import { createCacheProcedures, parseQueryRequest, storedResponseBody } from '../src/trpc';

// A gate that is not a role: a suspended account may not read, although its role may. The
// route is shared by role, so the entry a colleague warmed is there for the suspended caller's
// role too; no path that answers from the cache may skip the gate.

interface Ctx {
  user: { id: string; role: string } | null;
}

const suspended = new Set<string>();

function buildApi(cache: Cache) {
  const t = initTRPC.context<Ctx>().create({ transformer: superjson });
  const { cachedQuery, answerer, gate } = createCacheProcedures<Ctx>({
    cache,
    principal: (ctx) => ctx.user,
  });
  const notSuspended = gate((ctx) => {
    if (ctx.user && suspended.has(ctx.user.id)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'this account is suspended' });
    }
    return {};
  });
  let loads = 0;
  const router = t.router({
    item: t.router({
      byId: cachedQuery(t.procedure.use(notSuspended).input(z.object({ id: z.number() })), {
        ttlMs: 60_000,
        scope: 'role',
        query: ({ input }) => {
          loads++;
          return { id: input.id, at: new Date(0) };
        },
      }),
      plain: t.procedure.query(() => 'not cached'),
    }),
  });
  const fastPath = answerer(router);
  const trpc = createHTTPHandler({
    router,
    basePath: '/trpc/',
    createContext: ({ req }) => contextOf(req.headers['x-user']),
  });
  const answered = { fromStore: 0 };
  const server = createServer((req, res) => {
    const query = parseQueryRequest({
      method: req.method,
      url: req.url,
      headers: req.headers,
      basePath: '/trpc/',
    });
    if (!query) return void trpc(req, res);
    void fastPath.answer(query, contextOf(req.headers['x-user'])).then((payloads) => {
      if (!payloads) return void trpc(req, res);
      answered.fromStore++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        storedResponseBody(
          query,
          payloads.map((call) => call.answer),
        ),
      );
    });
  });
  return { server, router, t, answered, loads: () => loads };
}

function contextOf(header: string | string[] | undefined): Ctx {
  if (typeof header !== 'string') return { user: null };
  const [id = '', role = ''] = header.split(':');
  return { user: { id, role } };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function get(base: string, user: string, paths: string[], inputs: unknown[]) {
  const params = new URLSearchParams();
  if (paths.length > 1) {
    params.set('batch', '1');
    const byIndex = Object.fromEntries(inputs.map((input, i) => [i, superjson.serialize(input)]));
    params.set('input', JSON.stringify(byIndex));
  } else if (inputs[0] !== undefined) {
    params.set('input', JSON.stringify(superjson.serialize(inputs[0])));
  }
  const response = await fetch(`${base}/trpc/${paths.join(',')}?${params}`, {
    headers: { 'x-user': user },
  });
  return { status: response.status, body: await response.text() };
}

describe('a gate in front of a cached route', () => {
  const namespace = `gate-${process.pid}-${Math.random()}`;
  const caches: Cache[] = [];
  let withL1: ReturnType<typeof buildApi>;
  let redisOnly: ReturnType<typeof buildApi>;
  let l1Base: string;
  let l2Base: string;

  beforeAll(async () => {
    const redis = inject('redisUrl');
    const l1Cache = createCache({ namespace, redis });
    // L1 of zero bytes: every hit of this instance is an L2 (Redis) hit.
    const l2Cache = createCache({ namespace, redis, l1: { maxBytes: 0 } });
    caches.push(l1Cache, l2Cache);
    withL1 = buildApi(l1Cache);
    redisOnly = buildApi(l2Cache);
    [l1Base, l2Base] = await Promise.all([listen(withL1.server), listen(redisOnly.server)]);
  });
  afterAll(async () => {
    for (const api of [withL1, redisOnly]) {
      api.server.closeAllConnections();
      await new Promise((resolve) => api.server.close(resolve));
    }
    await Promise.all(caches.map((cache) => cache.close()));
  });

  it('is run by every path that answers from the cache: L1 fast path, L2 fast path, tRPC', async () => {
    const input = { id: 7 };
    // A colleague of the same role warms the entry, in L1 and in Redis.
    let warm = await get(l1Base, 'u1:staff', ['item.byId'], [input]);
    for (let attempt = 0; attempt < 100 && withL1.answered.fromStore === 0; attempt++) {
      warm = await get(l1Base, 'u1:staff', ['item.byId'], [input]);
    }
    expect(withL1.answered.fromStore).toBeGreaterThan(0);
    expect(await get(l2Base, 'u3:staff', ['item.byId'], [input])).toEqual(warm);
    expect(redisOnly.answered.fromStore).toBe(1);
    const loads = withL1.loads() + redisOnly.loads();

    suspended.add('u2');
    const answeredBefore = [withL1.answered.fromStore, redisOnly.answered.fromStore];
    // The fast path with the entry in L1, and with it in Redis only.
    for (const base of [l1Base, l2Base]) {
      const refused = await get(base, 'u2:staff', ['item.byId'], [input]);
      expect(refused.status).toBe(403);
      expect(refused.body).toContain('this account is suspended');
    }
    // tRPC's path: a batch with an uncached call is answered by tRPC as a whole.
    for (const base of [l1Base, l2Base]) {
      const batch = await get(base, 'u2:staff', ['item.byId', 'item.plain'], [input, undefined]);
      const [cached, plain] = JSON.parse(batch.body);
      expect(cached.error.json.data.code).toBe('FORBIDDEN');
      expect(plain.result.data.json).toBe('not cached');
    }
    // And in process, through a caller.
    const caller = withL1.t.createCallerFactory(withL1.router)({
      user: { id: 'u2', role: 'staff' },
    });
    await expect(caller.item.byId(input)).rejects.toThrow('this account is suspended');
    expect([withL1.answered.fromStore, redisOnly.answered.fromStore]).toEqual(answeredBefore);

    // Everyone else of the role is still answered from the store on both instances.
    expect(await get(l1Base, 'u3:staff', ['item.byId'], [input])).toEqual(warm);
    expect(await get(l2Base, 'u3:staff', ['item.byId'], [input])).toEqual(warm);
    expect(withL1.loads() + redisOnly.loads()).toBe(loads);
    suspended.delete('u2');
  });
});

describe('the fast path runs a gate once per call', () => {
  it('on a miss (the load goes on from there) and on a hit', async () => {
    const t = initTRPC.context<Ctx>().create({ transformer: superjson });
    const cache = createCache({ namespace: `gate-once-${process.pid}` });
    const { cachedQuery, answerer, gate } = createCacheProcedures<Ctx>({
      cache,
      principal: (ctx) => ctx.user,
    });
    let checks = 0;
    const counted = gate((ctx) => {
      checks++;
      return { user: ctx.user };
    });
    const router = t.router({
      item: cachedQuery(t.procedure.use(counted).input(z.object({ id: z.number() })), {
        ttlMs: 60_000,
        scope: 'role',
        query: ({ input }) => input.id,
      }),
    });
    const fastPath = answerer(router);
    const query = parseQueryRequest({
      method: 'GET',
      url: `/trpc/item?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ id: 1 })))}`,
      headers: {},
      basePath: '/trpc/',
    });
    if (!query) throw new Error('the request should parse');
    const staff = { user: { id: 'u1', role: 'staff' } };
    expect(await fastPath.answer(query, staff)).toHaveLength(1);
    expect(checks).toBe(1);
    expect(await fastPath.answer(query, staff)).toHaveLength(1);
    expect(checks).toBe(2);
    expect((await cache.stats()).routes.item).toMatchObject({ misses: 1, l1Hits: 1 });
    await cache.close();
  });
});

describe('a middleware the cache does not know', () => {
  it('is refused in front of a cached query when the route is declared', () => {
    const t = initTRPC.context<Ctx>().create({ transformer: superjson });
    const cache = createCache({ namespace: `gate-unknown-${process.pid}` });
    const { cachedQuery } = createCacheProcedures<Ctx>({ cache, principal: (ctx) => ctx.user });
    const unknown = t.middleware(({ next }) => next());
    expect(() =>
      cachedQuery(t.procedure.use(unknown), { ttlMs: 1_000, query: () => 'answer' }),
    ).toThrow(/must be declared with gate\(\) or failureMap\(\)/);
    return cache.close();
  });
});
