import type { AnyRouter } from '@trpc/server';
import type { Cache } from '../types';
import type { StoredAnswer } from '../wire';
import type { CompiledSteps } from './gates';
import type { QueryCall, QueryRequest } from './stored-response';
import { isBuiltProcedure, proceduresOf, type ResolverOptions } from './trpc-internals';

/** One call's answer on the fast path: as stored, and whether this call ran the loader for it. */
export interface FastAnswer {
  answer: StoredAnswer;
  /** False for a hit (L1, Redis, or a load another call already had in flight). */
  loaded: boolean;
}

/** A cached query as the fast path runs it: its steps, then its cache step. */
export interface CachedRoute<TCtx> {
  steps: CompiledSteps<TCtx>;
  /**
   * The call's answer (a hit, or a load stored on the way), once its steps passed; or
   * undefined when this caller's answers are not cached (tRPC then answers the request).
   */
  answer(cache: Cache, options: ResolverOptions<object, unknown>): Promise<FastAnswer> | undefined;
}

/** A parsed input, or undefined when the schema refused it. */
type Parsed = { input: unknown } | undefined;

/**
 * The one road of a cached read over HTTP: a GET whose every call is a cached query is
 * answered here, without tRPC's middleware chain. For each call it runs the route's gates
 * (their checks, compiled when the server started) and its input schema, then asks the cache
 * for the stored answer: a hit, or a load stored on the way (the gates are not run again).
 * Whatever it cannot answer (a call that is not a cached query, a gate or schema refusing, a
 * loader failing, a caller whose answers are not cached) it leaves, untouched, to tRPC, which
 * answers it in full, errors included.
 */
export class FastPath<TCtx extends object> {
  /** Each route's parse of the raw inputs seen lately (see `#parse`). */
  readonly #parsed = new WeakMap<object, { route: CachedRoute<TCtx>; parsed: Parsed }>();

  private constructor(
    private readonly routes: ReadonlyMap<string, CachedRoute<TCtx>>,
    private readonly cacheOf: (ctx: TCtx) => Cache,
  ) {}

  /** The fast path over `router`'s cached queries (the procedures `cachedRoutes` knows). */
  static over<TCtx extends object>(
    router: AnyRouter,
    cachedRoutes: WeakMap<object, CachedRoute<TCtx>>,
    cacheOf: (ctx: TCtx) => Cache,
  ): FastPath<TCtx> {
    const routes = new Map<string, CachedRoute<TCtx>>();
    for (const [path, procedure] of Object.entries(proceduresOf(router))) {
      const route = isBuiltProcedure(procedure) ? cachedRoutes.get(procedure) : undefined;
      if (route) routes.set(path, route);
    }
    return new FastPath(routes, cacheOf);
  }

  /** Every cached query's path. */
  get paths(): ReadonlySet<string> {
    return new Set(this.routes.keys());
  }

  /**
   * The stored answer of each call, in call order; undefined, having answered nothing, when
   * any call is one tRPC must answer.
   */
  async answer(request: QueryRequest, ctx: TCtx): Promise<FastAnswer[] | undefined> {
    const { calls } = request;
    if (calls.length === 0) return undefined;
    const answering: (() => Promise<FastAnswer> | undefined)[] = [];
    for (const [batchIndex, call] of calls.entries()) {
      const admitted = await this.#admit(call, ctx, batchIndex);
      if (!admitted) return undefined;
      answering.push(admitted);
    }
    const answers = answering.map((answer) => answer());
    if (!answers.every((answer) => answer !== undefined)) return undefined;
    try {
      return await Promise.all(answers);
    } catch {
      // A loader failed: tRPC runs the request again and answers with its error.
      return undefined;
    }
  }

  /**
   * One call through its route's gates and schema: how to get its answer from the cache, or
   * undefined when tRPC must answer the request.
   */
  async #admit(
    call: QueryCall,
    ctx: TCtx,
    batchIndex: number,
  ): Promise<(() => Promise<FastAnswer> | undefined) | undefined> {
    const route = this.routes.get(call.path);
    if (!route) return undefined;
    let admitted = ctx;
    try {
      for (const check of route.steps.checks) admitted = withAdded(admitted, check(admitted));
    } catch {
      return undefined;
    }
    const parsed = await this.#parse(route, call.input);
    if (!parsed) return undefined;
    const options = {
      ctx: admitted,
      input: parsed.input,
      path: call.path,
      signal: undefined,
      batchIndex,
    };
    return () => route.answer(this.cacheOf(ctx), options);
  }

  /**
   * The route's parse of a raw input. A popular GET repeats the same URL, whose parse
   * (`parseQueryRequest`) hands out the same raw input object while it keeps it: the schema's
   * output is kept for as long as that object lives, so a hit does not pay the schema again.
   * Cached queries' schemas are pure functions of their input (they read no clock and no
   * database), so the kept output is what the schema would give now.
   */
  async #parse(route: CachedRoute<TCtx>, raw: unknown): Promise<Parsed> {
    if (typeof raw !== 'object' || raw === null) return route.steps.parse(raw);
    const kept = this.#parsed.get(raw);
    if (kept?.route === route) return kept.parsed;
    const parsed = await route.steps.parse(raw);
    this.#parsed.set(raw, { route, parsed });
    return parsed;
  }
}

/**
 * The context after a gate: the same object when the gate added nothing new (the usual case: a
 * role check hands back the user already there), else a copy with the additions.
 */
function withAdded<TCtx extends object>(ctx: TCtx, added: object): TCtx {
  for (const [name, value] of Object.entries(added)) {
    if (Reflect.get(ctx, name) !== value) return { ...ctx, ...added };
  }
  return ctx;
}
