import { CacheError } from '@garage/cache';
import { RecordInUseError, RecordNotFoundError, UniqueConflictError } from '@garage/db';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '../src/app-error';
import { fromDatabase } from '../src/database-errors';
import type { VersionConflict } from '../src/domain/versions/conflict';
import { fieldErrorsOf, takenByOf, toTRPCError, versionConflictOf } from '../src/errors';

// The one map at the edge (errors.ts): the API's AppError, and the database's and the cache's
// own errors, become tRPC's codes there and nowhere else; the error's fields and data reach the
// formatter (fieldErrors, conflict, takenBy) as the forms read them.

/** What the edge answers for `error`: its tRPC code and message, or the error untouched. */
function answered(error: unknown) {
  const mapped = toTRPCError(error);
  return mapped instanceof TRPCError ? { code: mapped.code, message: mapped.message } : mapped;
}

describe('the edge maps errors to tRPC once', () => {
  it('maps every AppError code to its tRPC code, keeping the message', () => {
    const codes: Record<AppErrorCode, string> = {
      BAD_INPUT: 'BAD_REQUEST',
      FORBIDDEN: 'FORBIDDEN',
      NOT_FOUND: 'NOT_FOUND',
      CONFLICT: 'CONFLICT',
      LIMIT_EXCEEDED: 'TOO_MANY_REQUESTS',
      UNAVAILABLE: 'SERVICE_UNAVAILABLE',
    };
    for (const [code, trpcCode] of Object.entries(codes)) {
      expect(answered(new AppError(code as AppErrorCode, `a ${code}`))).toEqual({
        code: trpcCode,
        message: `a ${code}`,
      });
    }
  });

  it("maps @garage/db's errors as the services' fromDatabase does", () => {
    const taken = new UniqueConflictError(['vin']);
    expect(answered(taken)).toEqual({ code: 'CONFLICT', message: 'vin is already in use' });
    expect(fieldErrorsOf(fromDatabase(taken, 'vehicle'))).toEqual({
      vin: ['is already registered'],
    });
    expect(answered(new RecordNotFoundError('vehicle'))).toEqual({
      code: 'NOT_FOUND',
      message: 'vehicle not found',
    });
    expect(answered(new RecordInUseError('vehicle', 'work order'))).toMatchObject({
      code: 'CONFLICT',
    });
    // Prisma's own code for "no such row" becomes the same answer.
    expect(fromDatabase({ code: 'P2025' }, 'customer')).toMatchObject({
      code: 'NOT_FOUND',
      message: 'customer not found',
    });
  });

  it("maps the cache's 'Redis is away' to SERVICE_UNAVAILABLE; its bugs stay unexpected (500)", () => {
    expect(answered(new CacheError('REDIS_UNAVAILABLE', 'Redis cannot be reached'))).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'the cache is unavailable; try again in a moment',
    });
    const misuse = new CacheError('INVALID_OPTIONS', 'namespace must be non-empty');
    expect(answered(misuse)).toBe(misuse);
  });

  it('says a lost database connection is SERVICE_UNAVAILABLE, and leaves anything else alone', () => {
    expect(answered(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    const bug = new TypeError('x is undefined');
    expect(answered(bug)).toBe(bug);
  });

  it("puts an AppError's fields and data where the formatter reads them", () => {
    const conflict: VersionConflict = {
      version: 3,
      changedBy: { id: 1, name: 'Sam Staff' },
      changedAt: new Date('2026-01-02T03:04:05Z'),
      current: { plate: 'NEW 1' },
      names: {},
      edits: [],
    };
    const stale = new AppError('CONFLICT', 'changed', { data: { conflict } });
    expect(versionConflictOf(stale)).toBe(conflict);
    expect([fieldErrorsOf(stale), takenByOf(stale)]).toEqual([null, null]);

    const holder = { id: 7, name: 'Alice' };
    const taken = AppError.onField('CONFLICT', 'email', 'is already the email of Alice', {
      takenBy: { email: holder },
    });
    expect(taken.message).toBe('email: is already the email of Alice');
    expect(fieldErrorsOf(taken)).toEqual({ email: ['is already the email of Alice'] });
    expect(takenByOf(taken)).toEqual({ email: holder });
    expect(versionConflictOf(taken)).toBeNull();
  });
});
