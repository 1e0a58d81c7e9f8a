import { DbError, type DbErrorCode, mapPrismaError, UniqueConflictError } from '@garage/db';
import { AppError, type AppErrorCode } from './app-error';

const codes: Record<DbErrorCode, AppErrorCode> = {
  UNIQUE_CONFLICT: 'CONFLICT',
  CUSTOMER_HAS_VEHICLES: 'CONFLICT',
  CUSTOMER_HAS_WORK_ORDERS: 'CONFLICT',
  IN_USE: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
};

/** One of @garage/db's errors in the API's words; a unique conflict names its fields. */
export function appErrorOf(error: DbError): AppError {
  const fields =
    error instanceof UniqueConflictError
      ? Object.fromEntries(error.fields.map((field) => [field, 'is already registered']))
      : {};
  return new AppError(codes[error.code], error.message, { fields, cause: error });
}

/**
 * A failed database call as an AppError: Prisma's known refusals (a unique value taken, no such
 * `model` row, a row still referenced) and @garage/db's own errors. Anything else is returned as
 * it is (a lost connection: the edge answers 503; a bug: 500).
 */
export function fromDatabase(error: unknown, model: string): unknown {
  const known = mapPrismaError(error, model);
  return known instanceof DbError ? appErrorOf(known) : known;
}
