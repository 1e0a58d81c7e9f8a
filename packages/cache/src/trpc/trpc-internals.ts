// The one file that reads tRPC's internals: a procedure builder's middlewares and input parsers,
// a router's procedures, and the types tRPC has no public names for. A tRPC upgrade that moves
// them breaks `test/trpc-internals.test.ts`, not a route at run time.
import type { AnyRouter } from '@trpc/server';
import type {
  AnyProcedureBuilder,
  MutationProcedure,
  Overwrite,
  ProcedureBuilder,
  QueryProcedure,
  Simplify,
  UnsetMarker,
} from '@trpc/server/unstable-core-do-not-import';

export type { AnyProcedureBuilder, MutationProcedure, QueryProcedure };

/** What a builder's procedures are built from: the context its resolver sees, input and meta. */
export type Parts<TBuilder> =
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
export type ProcedureDef<TBuilder, TOutput> = {
  input: Parts<TBuilder>['callerInput'];
  output: TOutput;
  meta: Parts<TBuilder>['meta'];
  errorShape: Parts<TBuilder>['errorShape'];
};

/** What runs before a builder's resolver, in order: its middlewares, and its input schemas. */
export interface BuilderSteps {
  /** Every middleware, tRPC's own input middleware (one per `.input()`) included. */
  middlewares: readonly unknown[];
  /** The schemas given to `.input()`, in order. */
  inputs: readonly unknown[];
}

export function stepsOf(builder: AnyProcedureBuilder): BuilderSteps {
  return { middlewares: builder._def.middlewares, inputs: builder._def.inputs };
}

/** Whether `middleware` is the one tRPC adds for an `.input()` (it parses the raw input). */
export function isInputMiddleware(middleware: unknown): boolean {
  return typeof middleware === 'function' && Reflect.get(middleware, '_type') === 'input';
}

/** A built procedure, as a router holds it. */
export function isBuiltProcedure(value: unknown): value is object {
  return typeof value === 'function' && '_def' in value;
}

/** Every procedure of `router`, by its dotted path. */
export function proceduresOf(router: AnyRouter): Record<string, unknown> {
  return router._def.procedures;
}

/** What a resolver is called with. */
export interface ResolverOptions<TCtx, TInput> {
  ctx: TCtx;
  input: TInput;
  path: string;
  signal: AbortSignal | undefined;
  /** The call's index in a batch request (0 otherwise). */
  batchIndex?: number;
}

/**
 * A resolver's options as `TBuilder`'s steps make them on the fast path: the context with
 * what each gate added, and the input its schema parsed. tRPC's types cannot say that a
 * builder's context is its base context plus its middlewares' additions (tRPC asserts it
 * internally too), so this is the one place that asserts it.
 */
export function resolverOptionsOf<TBuilder>(
  options: ResolverOptions<object, unknown>,
): ResolverOptions<Parts<TBuilder>['ctx'], Parts<TBuilder>['input']> {
  return options as ResolverOptions<Parts<TBuilder>['ctx'], Parts<TBuilder>['input']>;
}

/**
 * The context a middleware declared on a bare procedure sees: tRPC types it as the base context
 * overwritten by no additions, a form TypeScript cannot reduce to the base context for a generic
 * one; this says they are the same.
 */
export function baseContextOf<TCtx>(ctx: Simplify<Overwrite<TCtx, object>>): TCtx {
  return ctx as TCtx;
}
