import { callTRPCProcedure } from '@trpc/server';
// tRPC has no public names for a procedure builder's type parameters; they come from tRPC's
// own core module (types only).
import type {
  AnyProcedureBuilder,
  AnyRouter,
  MutationProcedure,
  Overwrite,
  ProcedureBuilder,
  QueryProcedure,
  Simplify,
  UnsetMarker,
} from '@trpc/server/unstable-core-do-not-import';
import type { Cache, CacheKey } from '../types';
import type { StoredAnswer } from '../wire';
import { BatchLookup, fastPathSlot, StoredResponse } from './fast-path';
import { type CacheScope, type Principal, scopeOf } from './scope';
import type { QueryRequest } from './stored-response';

/** What a builder's procedures are built from: the context its resolver sees, input and meta. */
type Parts<TBuilder> =
  TBuilder extends ProcedureBuilder<
    infer TContext,
    infer TMeta,
    infer TOverrides,
    infer TInputIn,
    infer TInputOut,
    infer _TOutputIn,
    infer _TOutputOut,
    infer _TCaller,
    infer TErrorShape
  >
    ? {
        /** The base context with every middleware's overrides. */
        ctx: Simplify<Overwrite<TContext, TOverrides>>;
        /** The parsed, defaulted input; undefined without `.input()`. */
        input: TInputOut extends UnsetMarker ? undefined : TInputOut;
        /** What callers pass. */
        callerInput: TInputIn extends UnsetMarker ? undefined : TInputIn;
        meta: TMeta;
        errorShape: TErrorShape;
      }
    : never;

/** The procedure tRPC builds from `TBuilder` with a resolver answering `TOutput`. */
type ProcedureDef<TBuilder, TOutput> = {
  input: Parts<TBuilder>['callerInput'];
  output: TOutput;
  meta: Parts<TBuilder>['meta'];
  errorShape: Parts<TBuilder>['errorShape'];
};

/** What a resolver is called with. */
export interface ResolverOptions<TCtx, TInput> {
  ctx: TCtx;
  input: TInput;
  path: string;
  signal: AbortSignal | undefined;
  /** The call's index in a batch request (0 otherwise). */
  batchIndex?: number;
}

/** A cached query: its resolver, and how its answers are cached. */
export interface CachedQuery<TCtx, TInput, TOutput> {
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
  tags?: (opts: { ctx: TCtx; input: TInput; result: TOutput }) => readonly string[];
}

/** A mutation that invalidates what it changed, before it returns. */
export interface InvalidatingMutation<TCtx, TInput, TOutput> {
  mutation: (opts: ResolverOptions<TCtx, TInput>) => Promise<TOutput> | TOutput;
  /** Tags to invalidate, from the parsed input and the result (a move: old and new owner). */
  tags?: (opts: { ctx: TCtx; input: TInput; result: TOutput }) => readonly string[];
  /** Routes (procedure paths) to invalidate whole. */
  routes?: readonly string[];
}

/**
 * Builds `cachedQuery` and `invalidatingMutation` around one cache, and the fast path that
 * answers GETs of cached queries from their stored bytes before tRPC runs.
 */
export function createCacheProcedures<TCtx extends object>(setup: {
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
}) {
  const cacheOf = (ctx: TCtx): Cache =>
    typeof setup.cache === 'function' ? setup.cache(ctx) : setup.cache;
  /** The procedures built here: the fast path answers these and nothing else. */
  const cachedProcedures = new WeakSet<object>();

  /**
   * The cache step of a cached query, run where its resolver would run: after every
   * middleware and input parser of its procedure, on every path that answers from the cache.
   * On the fast path it looks up instead of loading (see BatchLookup).
   */
  async function answerCached<TResolved, TInput, TOutput>(
    opts: ResolverOptions<TCtx & TResolved, TInput>,
    declaration: CachedQuery<TResolved, TInput, TOutput>,
  ): Promise<TOutput | StoredResponse | undefined> {
    const { ctx, input } = opts;
    const fastPath = Reflect.get(ctx, fastPathSlot);
    const lookup = fastPath instanceof BatchLookup ? fastPath : undefined;
    const chosen =
      typeof declaration.scope === 'function' ? declaration.scope(opts) : declaration.scope;
    const scope =
      setup.reads?.(ctx) === false
        ? undefined
        : scopeOf(chosen ?? 'principal', setup.principal(ctx));
    if (lookup) {
      if (scope === undefined) {
        lookup.abandon();
        return undefined;
      }
      const answer = await lookup.lookup(opts.batchIndex ?? 0, { route: opts.path, scope, input });
      return answer && new StoredResponse(answer);
    }
    const tagsOf = (result: TOutput) => declaration.tags?.({ ctx, input, result }) ?? [];
    const key: CacheKey | undefined =
      scope === undefined ? undefined : { route: opts.path, scope, input };
    const result = key
      ? await cacheOf(ctx).getOrSet(key, async () => declaration.query(opts), {
          ttlMs: declaration.ttlMs,
          graceMs: declaration.graceMs ?? 0,
          tags: tagsOf,
        })
      : await declaration.query(opts);
    setup.answered?.(ctx, { batchIndex: opts.batchIndex ?? 0, tags: tagsOf(result) });
    return result;
  }

  /**
   * A query whose answers are cached under its path, scope and parsed input. The cache is the
   * procedure's last step, so whatever gate `procedure` holds (roles, or any other check) runs
   * before it on every path that answers from the cache: tRPC's, and the fast path's.
   */
  function cachedQuery<TBuilder extends AnyProcedureBuilder, TOutput>(
    procedure: TBuilder,
    declaration: CachedQuery<Parts<TBuilder>['ctx'], Parts<TBuilder>['input'], TOutput>,
  ): QueryProcedure<ProcedureDef<TBuilder, TOutput>> {
    const built = procedure.query((opts) => answerCached(opts, declaration));
    // A builder with `experimental_caller` would give a plain function; ours never do.
    if (!('_def' in built)) throw new TypeError('cachedQuery needs a procedure builder');
    cachedProcedures.add(built);
    return built;
  }

  /**
   * A mutation that hard-invalidates the tags and routes it declares once it succeeded, before
   * it returns (read-your-writes), with tags from its parsed input and its result.
   */
  function invalidatingMutation<TBuilder extends AnyProcedureBuilder, TOutput>(
    procedure: TBuilder,
    declaration: InvalidatingMutation<Parts<TBuilder>['ctx'], Parts<TBuilder>['input'], TOutput>,
  ): MutationProcedure<ProcedureDef<TBuilder, TOutput>> {
    const built = procedure.mutation((opts) => mutateAndInvalidate(opts, declaration));
    if (!('_def' in built)) throw new TypeError('invalidatingMutation needs a procedure builder');
    return built;
  }

  async function mutateAndInvalidate<TResolved, TInput, TOutput>(
    opts: ResolverOptions<TCtx & TResolved, TInput>,
    declaration: InvalidatingMutation<TResolved, TInput, TOutput>,
  ): Promise<TOutput> {
    const result = await declaration.mutation(opts);
    const tags = declaration.tags?.({ ctx: opts.ctx, input: opts.input, result }) ?? [];
    const cache = cacheOf(opts.ctx);
    await Promise.all([
      tags.length > 0 ? cache.invalidateTags(tags) : undefined,
      ...(declaration.routes ?? []).map((route) => cache.invalidateRoute(route)),
    ]);
    return result;
  }

  /**
   * The fast path over `router`'s cached queries, known up front: a GET whose every call is one
   * of them, and a fresh hit for this caller, is answered with the stored bytes. Each call runs
   * its procedure as tRPC would (every middleware, the input parser) up to the cache, which
   * looks up instead of loading.
   */
  function answerer(router: AnyRouter) {
    const cachedPaths = new Set<string>();
    for (const [path, procedure] of Object.entries(router._def.procedures)) {
      if (typeof procedure === 'function' && cachedProcedures.has(procedure)) cachedPaths.add(path);
    }
    const paths: ReadonlySet<string> = cachedPaths;
    return {
      /** Every cached query's path. */
      paths,
      /**
       * The stored answer of each call, in call order, when every call hits; undefined
       * otherwise (nothing is counted, and tRPC should answer the request).
       */
      async answer(request: QueryRequest, ctx: TCtx): Promise<StoredAnswer[] | undefined> {
        const { calls } = request;
        if (calls.length === 0 || !calls.every((call) => cachedPaths.has(call.path))) {
          return undefined;
        }
        const cache = cacheOf(ctx);
        const lookup = new BatchLookup(calls.length, (keys) => cache.peek(keys));
        const answering = { ...ctx, [fastPathSlot]: lookup };
        const results = await Promise.all(
          calls.map((call, batchIndex) =>
            callTRPCProcedure({
              router,
              path: call.path,
              type: 'query',
              ctx: answering,
              getRawInput: async () => call.input,
              signal: undefined,
              batchIndex,
            }).catch(() => lookup.abandon()),
          ),
        );
        const answers = await lookup.result;
        // A middleware that replaced the answer on its way out gets tRPC's answer instead.
        return answers && results.every((result) => result instanceof StoredResponse)
          ? answers
          : undefined;
      },
    };
  }

  return { cachedQuery, invalidatingMutation, answerer };
}
