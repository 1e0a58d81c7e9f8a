import { createCacheProcedures } from '@garage/cache/trpc';
import { type AnyRouter, initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { SessionUser } from './auth/sessions';
import type { Context } from './context';
import { fieldErrorsOf, takenByOf, toTRPCError, versionConflictOf } from './errors';
import type { Tag } from './tags/registry';

type Role = SessionUser['role'];
const roles: readonly Role[] = ['admin', 'staff', 'customer'];

/** What a procedure says of itself: the roles that may call it (anyone when it names none). */
export interface ProcedureMeta {
  roles?: readonly Role[];
}

/** Live streams: a ping every 10 s, and clients reconnect after 30 s of silence. */
export const liveSse = {
  // A comment every 10 s keeps proxies from closing an idle stream, and a client that hears
  // nothing for 30 s (a dead connection) reconnects.
  ping: { enabled: true, intervalMs: 10_000 },
  client: { reconnectAfterInactivityMs: 30_000 },
} as const;

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // superjson on the wire (Dates stay Dates); hits of cached queries skip it, answered with
    // the bytes they were stored as (answer-from-cache.ts).
    transformer: superjson,
    // Live streams (router/live.ts, served by services/live/serve-live.ts).
    sse: liveSse,
    errorFormatter({ shape, error }) {
      // An unexpected failure says nothing of its internals (the log has them, by request id);
      // field errors are flattened next to the code, so a form shows each beside its input, with
      // what a refused save conflicts with: a newer version of the record, or the record that
      // already holds a unique value.
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        message: internal ? 'something went wrong on our side; it has been logged' : shape.message,
        data: {
          ...shape.data,
          stack: undefined,
          fieldErrors: fieldErrorsOf(error.cause),
          conflict: versionConflictOf(error.cause),
          takenBy: takenByOf(error.cause),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const cacheProcedures = createCacheProcedures<Context, Tag>({
  // Procedures are built once at import; the cache belongs to the running app, so it comes
  // from the context.
  cache: (ctx) => ctx.cache,
  principal: (ctx) => (ctx.user ? { id: String(ctx.user.id), role: ctx.user.role } : null),
  // CACHE_TIERS=off: every read loads (invalidation still runs).
  reads: (ctx) => ctx.cacheReads,
  answered: (ctx, { batchIndex, tags }) => {
    ctx.answeredTags[batchIndex] = tags;
  },
  // What the caller may hear of it, as its live stream would: the `x-cache-invalidated` header.
  invalidated: async (ctx, { batchIndex, tags, routes }) => {
    ctx.invalidations[batchIndex] = await ctx.audiences.filterFor(ctx.user, {
      kind: 'invalidated',
      tags: [...tags],
      routes: [...routes],
      soft: false,
    });
  },
});

/**
 * Maps our typed errors (db conflicts, field errors) in a failed call to TRPCErrors with the
 * right code, on every procedure.
 */
const mapErrors = cacheProcedures.failureMap((error) => {
  const mapped = toTRPCError(error.cause ?? error);
  return mapped instanceof TRPCError ? mapped : error;
});

export const publicProcedure = t.procedure.use(mapErrors);

/**
 * Signed-in callers, holding one of `roles` when any are named; `ctx.user` is non-null after
 * it. A gate: it runs in front of every answer, the cache's fast path included.
 */
function signedInProcedure(allowed: readonly Role[]) {
  const everyRole = allowed.length === roles.length;
  return publicProcedure.meta({ roles: allowed }).use(
    cacheProcedures.gate((ctx) => {
      if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
      if (!everyRole && !allowed.includes(ctx.user.role)) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: `only ${allowed.join(' or ')} may do this`,
        });
      }
      return { user: ctx.user };
    }),
  );
}

/** Signed-in callers only. */
export const authedProcedure = signedInProcedure(roles);

/** Signed-in callers holding one of `roles`. */
export function roleProcedure(...allowed: Role[]) {
  return signedInProcedure(allowed);
}

export const staffProcedure = roleProcedure('staff', 'admin');
export const adminProcedure = roleProcedure('admin');
export const customerProcedure = roleProcedure('customer');

/**
 * Declares a cached query: `cachedQuery(staffProcedure.input(schema), { ttlMs, scope, query,
 * tags })`. The key is the route, the scope and the parsed input; `tags` is typed by the input
 * and what `query` returns. The procedure's gates (its role) run before the cache on every path
 * that answers from it.
 */
export const cachedQuery = cacheProcedures.cachedQuery;

/**
 * Declares a mutation that invalidates its `tags` (from input and result) and `routes` before it
 * returns, and tells the caller what it may hear of that (`x-cache-invalidated`). Routes are
 * checked against the app router's cached queries (root.ts).
 */
export const invalidatingMutation = cacheProcedures.invalidatingMutation;

/** The roles that may call each procedure of `router`, by path; none for a path it lacks. */
export function callersByPath(router: AnyRouter): (path: string) => readonly Role[] {
  const procedures: Record<string, { _def: { meta?: unknown } }> = router._def.procedures;
  return (path) => (Object.hasOwn(procedures, path) ? rolesIn(procedures[path]?._def.meta) : []);
}

const isRole = (value: unknown): value is Role => roles.some((role) => role === value);

/** The roles a procedure's meta names (see `ProcedureMeta`): every role when it names none. */
function rolesIn(meta: unknown): readonly Role[] {
  if (typeof meta !== 'object' || meta === null || !('roles' in meta)) return roles;
  return Array.isArray(meta.roles) ? meta.roles.filter(isRole) : roles;
}

/** Compiles the fast path over a router's cached queries, once (answer-from-cache.ts). */
export const cacheAnswerer = cacheProcedures.answerer;
