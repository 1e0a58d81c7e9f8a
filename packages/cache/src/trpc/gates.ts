import type { TRPCError, TRPCMiddlewareFunction } from '@trpc/server';
import {
  type AnyProcedureBuilder,
  baseContextOf,
  isInputMiddleware,
  stepsOf,
} from './trpc-internals';

/**
 * A gate: a check in front of procedures (a role, "this account is suspended"). It throws to
 * refuse, or returns what it adds to the context (e.g. the signed-in user, now known non-null).
 */
export type GateCheck<TCtx, TAdded extends object> = (ctx: TCtx) => TAdded;

/** Turns a failed call's error into the one the caller should get; returns it as is otherwise. */
export type FailureMap = (error: TRPCError) => unknown;

/** How a standard schema (zod's, among others) validates: a value, or its issues. */
type StandardResult = { value: unknown; issues?: undefined } | { issues: readonly unknown[] };
interface StandardSchema {
  '~standard': { validate(value: unknown): StandardResult | Promise<StandardResult> };
}

/** What a cached query runs before its cache step, taken from its procedure builder. */
export interface CompiledSteps<TCtx> {
  /** Each gate's check, in order. */
  checks: readonly GateCheck<TCtx, object>[];
  /** The parsed input (its `.input()` schema's output), or undefined when the schema refuses it. */
  parse(raw: unknown): Promise<{ input: unknown } | undefined>;
}

/**
 * The middlewares a cached query may sit behind, known by the function tRPC holds: gates (run
 * on every path, the fast path included) and failure maps (they only touch a failed call, and
 * the fast path answers only successes: a failure goes on to tRPC, which runs them).
 */
export class Gates<TCtx> {
  readonly #checks = new WeakMap<object, GateCheck<TCtx, object>>();
  readonly #failureMaps = new WeakSet<object>();

  /** A middleware running `check`, known to the cache as a gate. */
  gate<TAdded extends object>(
    check: GateCheck<TCtx, TAdded>,
  ): TRPCMiddlewareFunction<TCtx, object, object, TAdded, unknown> {
    const middleware: TRPCMiddlewareFunction<TCtx, object, object, TAdded, unknown> = ({
      ctx,
      next,
    }) => next({ ctx: check(baseContextOf<TCtx>(ctx)) });
    this.#checks.set(middleware, check);
    return middleware;
  }

  /** A middleware mapping a failed call's error with `map`, known to the cache as such. */
  failureMap(map: FailureMap): TRPCMiddlewareFunction<TCtx, object, object, object, unknown> {
    const middleware: TRPCMiddlewareFunction<TCtx, object, object, object, unknown> = async ({
      next,
    }) => {
      const result = await next();
      if (!result.ok) {
        const mapped = map(result.error);
        if (mapped !== result.error) throw mapped;
      }
      return result;
    };
    this.#failureMaps.add(middleware);
    return middleware;
  }

  /**
   * The steps of `builder` the fast path runs itself. Refuses, when the route is declared, a
   * middleware that is neither a gate, a failure map nor tRPC's input parser: the fast path
   * could not run it, and skipping it would let a cached answer past a check.
   */
  compile(builder: AnyProcedureBuilder): CompiledSteps<TCtx> {
    const { middlewares, inputs } = stepsOf(builder);
    const checks: GateCheck<TCtx, object>[] = [];
    let parsers = 0;
    for (const middleware of middlewares) {
      if (typeof middleware !== 'function') throw unknownMiddleware();
      const check = this.#checks.get(middleware);
      if (check) checks.push(check);
      else if (isInputMiddleware(middleware)) parsers++;
      else if (!this.#failureMaps.has(middleware)) throw unknownMiddleware();
    }
    const [schema, ...more] = inputs;
    if (parsers !== inputs.length || more.length > 0) {
      throw new TypeError('cachedQuery: a cached query takes at most one .input()');
    }
    if (schema !== undefined && !isStandardSchema(schema)) {
      throw new TypeError("cachedQuery: a cached query's .input() must be a standard schema");
    }
    return { checks, parse: (raw) => parseWith(schema, raw) };
  }
}

function unknownMiddleware(): TypeError {
  return new TypeError(
    'cachedQuery: a middleware in front of a cached query must be declared with gate() or failureMap(), so every path that answers from the cache runs it',
  );
}

function isStandardSchema(value: unknown): value is StandardSchema {
  return typeof value === 'object' && value !== null && '~standard' in value;
}

/** The input as tRPC's input middleware makes it, or undefined when the schema refuses it. */
async function parseWith(
  schema: StandardSchema | undefined,
  raw: unknown,
): Promise<{ input: unknown } | undefined> {
  if (!schema) return { input: undefined };
  const result = await schema['~standard'].validate(raw);
  return result.issues ? undefined : { input: result.value };
}
