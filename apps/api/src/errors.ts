import { CacheError, type CacheErrorCode } from '@garage/cache';
import { DbError } from '@garage/db';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import { AppError, type AppErrorCode, type Holder } from './app-error';
import { appErrorOf } from './database-errors';
import type { VersionConflict } from './domain/versions/conflict';

// The edge: the one place where the API's errors become tRPC's. Rules and services throw
// AppError; the database's and the cache's own errors are translated here as well.

const trpcCodes: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LIMIT_EXCEEDED: 'TOO_MANY_REQUESTS',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

// The cache's failures that mean "Redis (or the cache) is away for now", not a bug.
const cacheAway: ReadonlySet<CacheErrorCode> = new Set([
  'REDIS_UNAVAILABLE',
  'REDIS_TIMEOUT',
  'CIRCUIT_OPEN',
  'CLOSED',
]);

// Prisma's codes for "cannot reach / lost the database", driver-level connection failures,
// and PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (server shutting down,
// restarting, not accepting connections yet).
const unavailableCodes = new Set([
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  'ECONNREFUSED',
  'ECONNRESET',
]);
const unavailableKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
const unavailableSqlState = /^(08|57P)/;
// node-postgres reports a dropped connection with a plain Error and no code.
const unavailableMessage = /Connection terminated|encountered a connection error|not queryable/;

/** Whether `error` says the database cannot be reached (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== 'object') return false;
    const { code, originalCode, kind, name, message, cause, meta } = current as Record<
      string,
      unknown
    >;
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    if (typeof originalCode === 'string' && unavailableSqlState.test(originalCode)) return true;
    if (typeof kind === 'string' && unavailableKinds.has(kind)) return true;
    if (name === 'PrismaClientInitializationError') return true;
    if (typeof message === 'string' && unavailableMessage.test(message)) return true;
    const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    current = adapterError ?? cause;
  }
  return false;
}

/** A 503 that tells the caller to retry, instead of a 500 or a hang. */
export function databaseUnavailable(cause: unknown): TRPCError {
  return new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: 'the database is unavailable; try again in a moment',
    cause,
  });
}

/** The API's error for `error` when it has one: an AppError, or the database's or cache's own. */
function appErrorFor(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof DbError) return appErrorOf(error);
  if (error instanceof CacheError && cacheAway.has(error.code)) {
    return new AppError('UNAVAILABLE', 'the cache is unavailable; try again in a moment', {
      cause: error,
    });
  }
  return undefined;
}

/** Turns the API's errors into TRPCErrors with the right code; others pass through. */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
  const appError = appErrorFor(error);
  if (!appError) return error;
  return new TRPCError({
    code: trpcCodes[appError.code],
    message: appError.message,
    cause: appError,
  });
}

/**
 * The field errors a form can show next to its inputs: zod's per-field messages, or the fields
 * an AppError names (a refused mileage, a VIN already registered, an email another has).
 */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  if (cause instanceof ZodError) {
    const entries = Object.entries(z.flattenError(cause).fieldErrors);
    const known = entries.filter((entry): entry is [string, string[]] => !!entry[1]);
    const unknown = unknownKeysOf(cause.issues)
      // superjson refuses to send these names as keys (prototype pollution); the error's
      // message still names them.
      .filter((key) => !unsendableKeys.has(key.split('.').at(-1) ?? key))
      .map((key) => [key, [unknownKeyProblem]]);
    return Object.fromEntries([...known, ...unknown]);
  }
  if (cause instanceof AppError && Object.keys(cause.fields).length > 0) {
    return Object.fromEntries(
      Object.entries(cause.fields).map(([field, problem]) => [field, [problem]]),
    );
  }
  return null;
}

/** What changed since the version a refused save was based on, for the form to show. */
export function versionConflictOf(cause: unknown): VersionConflict | null {
  return (cause instanceof AppError && cause.data.conflict) || null;
}

/** Per field, the record that already holds the value a save was refused for (name and id). */
export function takenByOf(cause: unknown): Record<string, Holder> | null {
  return (cause instanceof AppError && cause.data.takenBy) || null;
}

const unknownKeyProblem = 'is not a known field';
const unsendableKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The keys an input may not hold, as dotted paths: those a strict object refused, and for a
 * union the keys that no alternative accepts (each alternative refuses a different set).
 */
function unknownKeysOf(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const within = (keys: string[]) => keys.map((key) => [...issue.path, key].join('.'));
    if (issue.code === 'unrecognized_keys') return within(issue.keys);
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [];
    const [first, ...others] = issue.errors.map(unknownKeysOf);
    return within((first ?? []).filter((key) => others.every((keys) => keys.includes(key))));
  });
}
