import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  isBuiltProcedure,
  isInputMiddleware,
  proceduresOf,
  stepsOf,
} from '../src/trpc/trpc-internals';

// What the fast path reads of tRPC's internals (src/trpc/trpc-internals.ts). A tRPC upgrade
// that changes any of it fails here, not in a route at run time; the bytes it writes are
// checked against tRPC's own in stored-response.test.ts.

describe("tRPC's internals the cache relies on", () => {
  const t = initTRPC.context<{ user: string | null }>().create();
  const gate = t.middleware(({ next }) => next());
  const schema = z.object({ id: z.number() });

  it("lists a builder's middlewares in order, tRPC's input middleware marked as such", () => {
    const { middlewares, inputs } = stepsOf(t.procedure.use(gate).input(schema));
    expect(middlewares).toHaveLength(2);
    expect(isInputMiddleware(middlewares[0])).toBe(false);
    expect(isInputMiddleware(middlewares[1])).toBe(true);
    expect(inputs).toEqual([schema]);
    expect(stepsOf(t.procedure)).toEqual({ middlewares: [], inputs: [] });
  });

  it("finds a router's procedures by dotted path", () => {
    const item = t.procedure.input(schema).query(({ input }) => input.id);
    const router = t.router({ item: t.router({ byId: item }), ping: t.procedure.query(() => 1) });
    const procedures = proceduresOf(router);
    expect(Object.keys(procedures).sort()).toEqual(['item.byId', 'ping']);
    expect(procedures['item.byId']).toBe(item);
    expect(isBuiltProcedure(item)).toBe(true);
    expect(isBuiltProcedure(t.procedure)).toBe(false);
  });
});
