import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { type Cache, createCache } from '../src';
import { createCacheProcedures } from '../src/trpc';

interface Ctx {
  user: { id: string; role: string } | null;
}

const caches: Cache[] = [];
afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
});

function buildRouter(cache: Cache) {
  const t = initTRPC.context<Ctx>().create({ transformer: superjson });
  const { cachedQuery, invalidatingMutation } = createCacheProcedures<Ctx>({
    cache,
    principal: (ctx) => ctx.user,
  });
  const rows = new Map<number, { id: number; group: string; at: Date }>([
    [1, { id: 1, group: 'g1', at: new Date(0) }],
  ]);
  let loads = 0;
  const router = t.router({
    item: t.router({
      byId: cachedQuery(
        t.procedure.input(z.object({ id: z.number(), view: z.string().optional() })),
        {
          ttlMs: 60_000,
          query: ({ input, ctx }) => {
            loads++;
            const row = rows.get(input.id);
            if (!row) throw new TRPCError({ code: 'NOT_FOUND' });
            return { ...row, viewer: ctx.user?.id ?? 'anonymous' };
          },
          tags: ({ result }) => [`group:${result.group}`],
        },
      ),
      // Staff share one entry per role; a customer gets their own (the caller decides the scope).
      mine: cachedQuery(t.procedure, {
        ttlMs: 60_000,
        scope: ({ ctx }) => (ctx.user?.role === 'customer' ? 'principal' : 'role'),
        query: ({ ctx }) => {
          loads++;
          return { loadedFor: ctx.user?.id ?? 'anonymous' };
        },
      }),
      // Keys come from the parsed input: an omitted limit is its default.
      page: cachedQuery(
        t.procedure.input(
          z.object({ limit: z.number().default(50), search: z.string().optional() }).prefault({}),
        ),
        {
          ttlMs: 60_000,
          scope: 'public',
          query: ({ input }) => {
            loads++;
            return { limit: input.limit };
          },
        },
      ),
      move: invalidatingMutation(t.procedure.input(z.object({ id: z.number(), to: z.string() })), {
        mutation: ({ input }) => {
          const row = rows.get(input.id);
          if (!row) throw new TRPCError({ code: 'NOT_FOUND' });
          const from = row.group;
          row.group = input.to;
          return { from };
        },
        tags: ({ input, result }) => [`group:${input.to}`, `group:${result.from}`],
      }),
    }),
  });
  return { router, caller: t.createCallerFactory(router), loads: () => loads };
}

describe.each([
  { name: 'L1 only', redis: () => undefined },
  { name: 'Redis-backed', redis: () => inject('redisUrl') },
])('tRPC integration ($name)', ({ redis }) => {
  const setup = () => {
    const url = redis();
    const cache = createCache({
      namespace: `trpc-${process.pid}-${Math.random()}`,
      ...(url ? { redis: url } : {}),
    });
    caches.push(cache);
    return buildRouter(cache);
  };
  const alice = { user: { id: 'a', role: 'staff' } };
  const bob = { user: { id: 'b', role: 'staff' } };

  it('caches per principal, with canonical input, and never shares with another principal', async () => {
    const { caller, loads } = setup();
    const first = await caller(alice).item.byId({ id: 1, view: 'x' });
    expect(first.at).toBeInstanceOf(Date);
    await caller(alice).item.byId({ view: 'x', id: 1 });
    expect(loads()).toBe(1);
    expect((await caller(bob).item.byId({ id: 1, view: 'x' })).viewer).toBe('b');
    expect((await caller({ user: null }).item.byId({ id: 1, view: 'x' })).viewer).toBe('anonymous');
    await caller({ user: null }).item.byId({ id: 1, view: 'x' });
    expect(loads()).toBe(4);
  });

  it('keys by the parsed input: an omitted field and its default are one entry', async () => {
    const { caller, loads } = setup();
    expect(await caller(alice).item.page()).toEqual({ limit: 50 });
    expect(await caller(alice).item.page({})).toEqual({ limit: 50 });
    expect(await caller(alice).item.page({ limit: 50 })).toEqual({ limit: 50 });
    expect(await caller(alice).item.page({ limit: 50, search: undefined })).toEqual({ limit: 50 });
    expect(loads()).toBe(1);
    expect(await caller(alice).item.page({ limit: 10 })).toEqual({ limit: 10 });
    expect(loads()).toBe(2);
  });

  it('picks the scope per caller when the scope is a function', async () => {
    const { caller, loads } = setup();
    expect(await caller(alice).item.mine()).toEqual({ loadedFor: 'a' });
    expect(await caller(bob).item.mine()).toEqual({ loadedFor: 'a' });
    expect(loads()).toBe(1);
    const carol = { user: { id: 'c', role: 'customer' } };
    const dave = { user: { id: 'd', role: 'customer' } };
    expect(await caller(carol).item.mine()).toEqual({ loadedFor: 'c' });
    expect(await caller(dave).item.mine()).toEqual({ loadedFor: 'd' });
    expect(await caller(carol).item.mine()).toEqual({ loadedFor: 'c' });
    expect(loads()).toBe(3);
  });

  it('never caches errors', async () => {
    const { caller, loads } = setup();
    await expect(caller(alice).item.byId({ id: 9 })).rejects.toThrow(TRPCError);
    await expect(caller(alice).item.byId({ id: 9 })).rejects.toThrow(TRPCError);
    expect(loads()).toBe(2);
  });

  it('invalidates old and new tags from input and result before the mutation returns', async () => {
    const { caller, loads } = setup();
    expect((await caller(alice).item.byId({ id: 1 })).group).toBe('g1');
    await caller(alice).item.move({ id: 1, to: 'g2' });
    expect((await caller(alice).item.byId({ id: 1 })).group).toBe('g2');
    await caller(alice).item.move({ id: 1, to: 'g3' });
    expect((await caller(alice).item.byId({ id: 1 })).group).toBe('g3');
    expect(loads()).toBe(3);
  });
});
