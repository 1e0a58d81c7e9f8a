import { DbError, UniqueConflictError } from '@garage/db';
import { TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import {
  MovementConflictError,
  WorkOrderConflictError,
  WorkOrderInputError,
} from './domain/work-orders/errors';
import { type VersionConflict, VersionConflictError } from './domain/versions/conflict';

/** Bad input that only the service can see (e.g. a mileage lower than recorded): names the field. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'FieldError';
  }
}

/** Another record (who holds it) already has this value of a unique field, e.g. a customer's email. */
export class ValueTakenError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly holder: { id: number; name: string },
  ) {
    super(`${field}: ${problem}`);
    this.name = 'ValueTakenError';
  }
}

const dbCodes = {
  UNIQUE_CONFLICT: 'CONFLICT',
  CUSTOMER_HAS_VEHICLES: 'CONFLICT',
  CUSTOMER_HAS_WORK_ORDERS: 'CONFLICT',
  IN_USE: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
} as const;

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

/** Turns our typed errors into TRPCErrors with the right code; others pass through. */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
  if (error instanceof FieldError || error instanceof WorkOrderInputError) {
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  }
  if (
    error instanceof WorkOrderConflictError ||
    error instanceof MovementConflictError ||
    error instanceof VersionConflictError ||
    error instanceof ValueTakenError
  ) {
    return new TRPCError({ code: 'CONFLICT', message: error.message, cause: error });
  }
  if (error instanceof DbError) {
    return new TRPCError({ code: dbCodes[error.code], message: error.message, cause: error });
  }
  return error;
}

/**
 * The field errors a form can show next to its inputs: zod's per-field messages, a FieldError,
 * or the fields of a unique conflict (e.g. a VIN already registered).
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
  if (
    cause instanceof FieldError ||
    cause instanceof WorkOrderInputError ||
    cause instanceof ValueTakenError
  ) {
    return { [cause.field]: [cause.problem] };
  }
  if (cause instanceof UniqueConflictError) {
    return Object.fromEntries(cause.fields.map((field) => [field, ['is already registered']]));
  }
  return null;
}

/** What changed since the version a refused save was based on, for the form to show. */
export function versionConflictOf(cause: unknown): VersionConflict | null {
  return cause instanceof VersionConflictError ? cause.conflict : null;
}

/** Per field, the record that already holds the value a save was refused for (name and id). */
export function takenByOf(cause: unknown): Record<string, { id: number; name: string }> | null {
  return cause instanceof ValueTakenError ? { [cause.field]: cause.holder } : null;
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
