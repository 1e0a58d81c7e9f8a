import type { TRPCError } from '@trpc/server';
// tRPC exposes no public constructor for a middleware result; a cache hit must return one
// without calling `next()`, so the marker comes from tRPC's own core module.
import { middlewareMarker } from '@trpc/server/unstable-core-do-not-import';
import type { Cache, CacheKey } from '../types';

/** Who is calling: `null` when unauthenticated. */
export type Principal = { id: string; role: string } | null;

/** Who may share one cached response. `principal` (the default) never shares across callers. */
export type CacheScope = 'public' | 'role' | 'principal';

interface MiddlewareOptions<TCtx> {
  ctx: TCtx;
  type: 'query' | 'mutation' | 'subscription';
  path: string;
  getRawInput: () => Promise<unknown>;
  next: () => Promise<
    | { ok: true; data: unknown; marker: typeof middlewareMarker }
    | { ok: false; error: TRPCError; marker: typeof middlewareMarker }
  >;
}

/** Options of a cached query. */
export interface CachedOptions<TCtx> {
  ttlMs: number;
  /**
   * Who shares an entry; a function picks per caller (e.g. `role` for staff, `principal` for
   * customers). Under `role` and `principal` an L1 hit may be answered without running the
   * procedure's middlewares (see `peek`): the middlewares in front of the cache must decide on
   * nothing but the caller's role (`role`) or identity (`principal`).
   */
  scope?: CacheScope | ((ctx: TCtx) => CacheScope);
  graceMs?: number;
  tags?: (input: unknown, ctx: TCtx, result: unknown) => string[];
}

/** Options of a mutation that invalidates: tags from input AND result (old and new owners). */
export interface InvalidatesOptions<TCtx> {
  tags?: (input: unknown, ctx: TCtx, result: unknown) => string[];
  routes?: string[];
}

class ProcedureFailed extends Error {
  constructor(readonly error: TRPCError) {
    super(error.message);
  }
}

/** The key part that decides who shares: unauthenticated callers share with no one under role/principal. */
export function scopeOf(scope: CacheScope, principal: Principal): string | undefined {
  if (scope === 'public') return 'public';
  if (!principal) return undefined;
  // A principal's entry carries its role too: one made before a role change never answers after it.
  return scope === 'role'
    ? `role:${principal.role}`
    : `principal:${principal.id}:${principal.role}`;
}

/** Builds `cached(...)` for queries and `invalidates(...)` for mutations around one cache. */
export function createCacheMiddleware<TCtx>(setup: {
  /** The cache, or how to find it in the context (procedures are built before the cache exists). */
  cache: Cache | ((ctx: TCtx) => Cache);
  principal: (ctx: TCtx) => Principal;
}) {
  const cacheOf = (ctx: TCtx): Cache =>
    typeof setup.cache === 'function' ? setup.cache(ctx) : setup.cache;
  const scopeFor = (options: CachedOptions<TCtx>, ctx: TCtx): CacheScope =>
    (typeof options.scope === 'function' ? options.scope(ctx) : options.scope) ?? 'principal';
  // Cached queries by path, learnt as each first runs: an entry exists only once its query has
  // run here, after the middlewares in front of the cache let its caller through.
  const queries = new Map<string, CachedOptions<TCtx>>();

  /** Middleware caching a query's result under its path, scope and canonical input hash. */
  function cached(options: CachedOptions<TCtx>) {
    return async (opts: MiddlewareOptions<TCtx>) => {
      if (opts.type === 'query') queries.set(opts.path, options);
      const scope = scopeOf(scopeFor(options, opts.ctx), setup.principal(opts.ctx));
      if (scope === undefined) return opts.next();
      const input = await opts.getRawInput();
      try {
        const data = await cacheOf(opts.ctx).getOrSet(
          { route: opts.path, scope, input },
          async () => {
            const result = await opts.next();
            if (!result.ok) throw new ProcedureFailed(result.error);
            return result.data;
          },
          {
            ttlMs: options.ttlMs,
            graceMs: options.graceMs ?? 0,
            tags: (value) => options.tags?.(input, opts.ctx, value) ?? [],
          },
        );
        return { ok: true as const, data, marker: middlewareMarker };
      } catch (error) {
        if (error instanceof ProcedureFailed) {
          return { ok: false as const, error: error.error, marker: middlewareMarker };
        }
        throw error;
      }
    };
  }

  /** Middleware that hard-invalidates tags/routes after a successful mutation, before it returns. */
  function invalidates(options: InvalidatesOptions<TCtx>) {
    return async (opts: MiddlewareOptions<TCtx>) => {
      const result = await opts.next();
      if (!result.ok) return result;
      const input = await opts.getRawInput();
      const tags = options.tags?.(input, opts.ctx, result.data) ?? [];
      const cache = cacheOf(opts.ctx);
      await Promise.all([
        tags.length > 0 ? cache.invalidateTags(tags) : Promise.resolve(),
        ...(options.routes ?? []).map((route) => cache.invalidateRoute(route)),
      ]);
      return result;
    };
  }

  /**
   * What the cached queries `calls` would answer this caller now, as their serialized forms,
   * when each is a fresh L1 hit; undefined otherwise, and nothing runs. A server may send them
   * without running the procedures: under `role` and `principal` scope an entry was stored for a
   * caller that the middlewares in front of the cache admitted, with this caller's role or
   * identity. `public` entries are never answered this way, since those middlewares may refuse.
   */
  function peek(
    calls: readonly { path: string; input: unknown }[],
    ctx: TCtx,
  ): string[] | undefined {
    const principal = setup.principal(ctx);
    const keys: CacheKey[] = [];
    for (const { path, input } of calls) {
      const options = queries.get(path);
      if (!options) return undefined;
      const chosen = scopeFor(options, ctx);
      const scope = chosen === 'public' ? undefined : scopeOf(chosen, principal);
      if (scope === undefined) return undefined;
      keys.push({ route: path, scope, input });
    }
    return cacheOf(ctx).peek(keys);
  }

  return { cached, invalidates, peek };
}
