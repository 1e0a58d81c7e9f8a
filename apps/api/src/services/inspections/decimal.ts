import type { Prisma } from '@garage/db';

/** A numeric(10, 2) column as a number (limits and readings are small, with two places). */
export const numberOf = (value: Prisma.Decimal | null): number | null =>
  value === null ? null : Number(value.toString());
