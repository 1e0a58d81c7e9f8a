import { initTRPC } from '@trpc/server';
import { describe, expectTypeOf, it } from 'vitest';
import { type CachedRoutePath, createCacheProcedures, type MisnamedRoutes } from '../src/trpc';

// Route names and tags are checked by the compiler (`pnpm typecheck` runs over these tests):
// a router's type says which procedures are cached queries and which routes each mutation
// invalidates, and tags are of the type the app declares.

const t = initTRPC.create();
const { cachedQuery, invalidatingMutation } = createCacheProcedures<object, `item:${number}`>({
  cache: () => {
    throw new Error('never called: these procedures are only typed');
  },
  principal: () => null,
});

const router = t.router({
  item: t.router({
    list: cachedQuery(t.procedure, { ttlMs: 1_000, query: () => [], tags: () => ['item:1'] }),
    me: t.procedure.query(() => null),
    add: invalidatingMutation(t.procedure, { mutation: () => 1, routes: ['item.list'] }),
    misspelt: invalidatingMutation(t.procedure, {
      mutation: () => 1,
      routes: ['item.lsit', 'item.me'],
    }),
    tagged: invalidatingMutation(t.procedure, { mutation: () => 1, tags: () => ['item:2'] }),
  }),
});
type Record = typeof router._def.record;

describe('route names typed from the router', () => {
  it('knows its cached queries by path', () => {
    expectTypeOf<CachedRoutePath<Record>>().toEqualTypeOf<'item.list'>();
  });

  it('names each invalidated route that is not a cached query, with its mutation', () => {
    expectTypeOf<MisnamedRoutes<Record>>().toEqualTypeOf<
      | 'item.misspelt invalidates item.lsit, which is not a cached query'
      | 'item.misspelt invalidates item.me, which is not a cached query'
    >();
  });

  it('takes only tags of the declared type', () => {
    invalidatingMutation(t.procedure, {
      mutation: () => 1,
      // @ts-expect-error: not an `item:<number>` tag
      tags: () => ['itme:1'],
    });
  });
});
