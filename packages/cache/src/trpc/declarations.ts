import type { AnyProcedure } from '@trpc/server';
import type { Cache, CacheKey, GetOrSetOptions } from '../types';
import { type CachedRoute, FastPath } from './fast-path';
import { Gates } from './gates';
import { type CacheScope, type Principal, scopeOf } from './scope';
import {
  type AnyProcedureBuilder,
  type MutationProcedure,
  type Parts,
  type ProcedureDef,
  type QueryProcedure,
  type ResolverOptions,
  resolverOptionsOf,
} from './trpc-internals';

export type { ResolverOptions } from './trpc-internals';

/** A cached query: its resolver, and how its answers are cached (tags of type `TTag`). */
export interface CachedQuery<TCtx, TInput, TOutput, TTag extends string = string> {
  ttlMs: number;
  /**
   * Who shares an entry (default `principal`: nobody); a function picks per caller (e.g.
   * `role` for staff, `principal` for customers).
   */
  scope?: CacheScope | ((opts: { ctx: TCtx; input: TInput }) => CacheScope);
  /** How long a stale answer may serve while one refresh runs (off by default). */
  graceMs?: number;
  query: (opts: ResolverOptions<TCtx, TInput>) => Promise<TOutput> | TOutput;
  /** The tags the answer carries, from the parsed input, the context and the answer itself. */
  tags?: (opts: { ctx: TCtx; input: TInput; result: TOutput }) => readonly TTag[];
}

/** A mutation that invalidates what it changed, before it returns. */
export interface InvalidatingMutation<
  TCtx,
  TInput,
  TOutput,
  TTag extends string = string,
  TRoute extends string = string,
> {
  mutation: (opts: ResolverOptions<TCtx, TInput>) => Promise<TOutput> | TOutput;
  /** Tags to invalidate, from the parsed input and the result (a move: old and new owner). */
  tags?: (opts: { ctx: TCtx; input: TInput; result: TOutput }) => readonly TTag[];
  /** Routes (cached queries' paths) to invalidate whole. */
  routes?: readonly TRoute[];
}

/** What one call of an invalidating mutation invalidated, once it has. */
export interface Invalidated {
  batchIndex: number;
  tags: readonly string[];
  routes: readonly string[];
}

// Marks in the types of the procedures built here (never set at run time): a router's type
// then says which of its procedures are cached queries, and which routes each mutation
// invalidates, so route names can be checked against the router (see `MisnamedRoutes`).
declare const cachedMark: unique symbol;
declare const invalidatesMark: unique symbol;

/** In the type of a procedure `cachedQuery` built. */
export interface CachedQueryMark {
  readonly [cachedMark]?: true;
}

/** In the type of a procedure `invalidatingMutation` built: the routes it invalidates. */
export interface InvalidatesMark<TRoute extends string> {
  readonly [invalidatesMark]?: TRoute;
}

/** `[path, procedure]` of each procedure of a router record whose type holds `TMark`. */
type Marked<TRecord, TMark extends PropertyKey, TPrefix extends string = ''> = {
  [K in keyof TRecord & string]: TRecord[K] extends AnyProcedure
    ? TMark extends keyof TRecord[K]
      ? [`${TPrefix}${K}`, TRecord[K]]
      : never
    : Marked<TRecord[K], TMark, `${TPrefix}${K}.`>;
}[keyof TRecord & string];

/** The dotted paths of the cached queries in a router's record (`router._def.record`). */
export type CachedRoutePath<TRecord> =
  Marked<TRecord, typeof cachedMark> extends infer Found
    ? Found extends [infer Path, unknown]
      ? Path
      : never
    : never;

/**
 * Each route a mutation of this router record invalidates that is not one of its cached
 * queries, as `"<mutation> invalidates <route>, …"`; never when every one is.
 */
export type MisnamedRoutes<TRecord> =
  Marked<TRecord, typeof invalidatesMark> extends infer Found
    ? Found extends [infer Path extends string, infer Mutation extends InvalidatesMark<string>]
      ? Exclude<
          Mutation[typeof invalidatesMark],
          CachedRoutePath<TRecord> | undefined
        > extends infer Misnamed
        ? Misnamed extends string
          ? `${Path} invalidates ${Misnamed}, which is not a cached query`
          : never
        : never
      : never
    : never;

/**
 * Builds `gate`, `failureMap`, `cachedQuery` and `invalidatingMutation` around one cache, and
 * the fast path that answers GETs of cached queries without tRPC's middleware chain.
 */
export function createCacheProcedures<TCtx extends object, TTag extends string = string>(setup: {
  /** The cache, or how to find it in the context (procedures are built before the cache exists). */
  cache: Cache | ((ctx: TCtx) => Cache);
  principal: (ctx: TCtx) => Principal;
  /** False turns cached reads off for this context (every read loads; invalidation still runs). */
  reads?: (ctx: TCtx) => boolean;
  /**
   * Told the tags of each cached query's answer on tRPC's path (the fast path hands them out
   * with the stored bytes), so the response can say which tags each call's answer carries.
   */
  answered?: (ctx: TCtx, call: { batchIndex: number; tags: readonly string[] }) => void;
  /**
   * Told what each call of an invalidating mutation invalidated, once it has (before the call
   * returns), so the response can say it to the caller.
   */
  invalidated?: (ctx: TCtx, call: Invalidated) => Promise<void> | void;
}) {
  const cacheOf = (ctx: TCtx): Cache =>
    typeof setup.cache === 'function' ? setup.cache(ctx) : setup.cache;
  const gates = new Gates<TCtx>();
  /** The cached queries built here, by the procedure tRPC holds: the fast path answers these. */
  const cachedRoutes = new WeakMap<object, CachedRoute<TCtx>>();

  /** The cache key and options of one call of a cached query, its caller and input known. */
  function entryOf<TResolved, TInput, TOutput>(
    opts: ResolverOptions<TCtx & TResolved, TInput>,
    declaration: CachedQuery<TResolved, TInput, TOutput, TTag>,
  ): { key: CacheKey | undefined; options: GetOrSetOptions<TOutput> } {
    const { ctx, input } = opts;
    const chosen =
      typeof declaration.scope === 'function' ? declaration.scope(opts) : declaration.scope;
    const scope =
      setup.reads?.(ctx) === false
        ? undefined
        : scopeOf(chosen ?? 'principal', setup.principal(ctx));
    return {
      key: scope === undefined ? undefined : { route: opts.path, scope, input },
      options: {
        ttlMs: declaration.ttlMs,
        graceMs: declaration.graceMs ?? 0,
        tags: (result) => declaration.tags?.({ ctx, input, result }) ?? [],
      },
    };
  }

  /** A cached query on tRPC's path (batches with other calls, and whatever the fast path passes on). */
  async function answerCached<TResolved, TInput, TOutput>(
    opts: ResolverOptions<TCtx & TResolved, TInput>,
    declaration: CachedQuery<TResolved, TInput, TOutput, TTag>,
  ): Promise<TOutput> {
    const { key, options } = entryOf(opts, declaration);
    const load = async () => declaration.query(opts);
    const result = key ? await cacheOf(opts.ctx).getOrSet(key, load, options) : await load();
    const tags = typeof options.tags === 'function' ? options.tags(result) : [];
    setup.answered?.(opts.ctx, { batchIndex: opts.batchIndex ?? 0, tags });
    return result;
  }

  /**
   * A query whose answers are cached under its path, scope and parsed input. Its procedure may
   * hold gates and failure maps (see `gate`); the gates run before the cache on every path that
   * answers from it, tRPC's and the fast path's, which runs them itself (once, a miss
   * included). Any other middleware is refused when the route is declared.
   */
  function cachedQuery<TBuilder extends AnyProcedureBuilder, TOutput>(
    procedure: TBuilder,
    declaration: CachedQuery<Parts<TBuilder>['ctx'], Parts<TBuilder>['input'], TOutput, TTag>,
  ): QueryProcedure<ProcedureDef<TBuilder, TOutput>> & CachedQueryMark {
    const steps = gates.compile(procedure);
    const built = procedure.query((opts) => answerCached(opts, declaration));
    // A builder with `experimental_caller` would give a plain function; ours never do.
    if (!('_def' in built)) throw new TypeError('cachedQuery needs a procedure builder');
    cachedRoutes.set(built, {
      steps,
      answer(cache, options) {
        const opts = resolverOptionsOf<TBuilder>(options);
        const { key, options: entry } = entryOf(opts, declaration);
        if (!key) return undefined;
        let loaded = false;
        const load = async () => {
          loaded = true;
          return declaration.query(opts);
        };
        return cache.answer(key, load, entry).then((answer) => ({ answer, loaded }));
      },
    });
    return built;
  }

  /**
   * A mutation that hard-invalidates the tags and routes it declares once it succeeded, before
   * it returns (read-your-writes), with tags from its parsed input and its result. Its type
   * keeps the routes it names, for `MisnamedRoutes` to check against the router.
   */
  function invalidatingMutation<
    TBuilder extends AnyProcedureBuilder,
    TOutput,
    const TRoute extends string = never,
  >(
    procedure: TBuilder,
    declaration: InvalidatingMutation<
      Parts<TBuilder>['ctx'],
      Parts<TBuilder>['input'],
      TOutput,
      TTag,
      TRoute
    >,
  ): MutationProcedure<ProcedureDef<TBuilder, TOutput>> & InvalidatesMark<TRoute> {
    const built = procedure.mutation((opts) => mutateAndInvalidate(opts, declaration));
    if (!('_def' in built)) throw new TypeError('invalidatingMutation needs a procedure builder');
    return built;
  }

  async function mutateAndInvalidate<TResolved, TInput, TOutput>(
    opts: ResolverOptions<TCtx & TResolved, TInput>,
    declaration: InvalidatingMutation<TResolved, TInput, TOutput, TTag>,
  ): Promise<TOutput> {
    const result = await declaration.mutation(opts);
    const tags = declaration.tags?.({ ctx: opts.ctx, input: opts.input, result }) ?? [];
    const routes = declaration.routes ?? [];
    const cache = cacheOf(opts.ctx);
    await Promise.all([
      tags.length > 0 ? cache.invalidateTags(tags) : undefined,
      ...routes.map((route) => cache.invalidateRoute(route)),
    ]);
    await setup.invalidated?.(opts.ctx, { batchIndex: opts.batchIndex ?? 0, tags, routes });
    return result;
  }

  return {
    /** A middleware running `check` in front of procedures, on every path (see Gates). */
    gate: gates.gate.bind(gates),
    /** A middleware mapping a failed call's error (tRPC's path only: the fast path sends successes). */
    failureMap: gates.failureMap.bind(gates),
    cachedQuery,
    invalidatingMutation,
    /** The fast path over a router's cached queries, compiled once when the server starts. */
    answerer: (router: Parameters<typeof FastPath.over>[0]) =>
      FastPath.over<TCtx>(router, cachedRoutes, cacheOf),
  };
}
