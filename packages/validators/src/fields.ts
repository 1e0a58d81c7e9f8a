import { z } from 'zod';
import { normalizeVin, vinProblem } from './vin';

// Input rules shared by the API's procedures and the web's forms. Every message names what is
// wrong in words a form can show next to the field; the field itself is the key of the error.

const maxText = 200;

export const id = z.number({ error: 'must be a number' }).int().positive().max(2_147_483_647);
export const idInput = z.strictObject({ id });

/** The input of a procedure that takes none: nothing (or null), or an empty object. */
export const noInput = z.strictObject({}).nullish();

/** A trimmed required string of at most `max` characters. */
export const text = (max = maxText) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);

/**
 * An optional field's value as a write applies it: omitted stays undefined (a partial update
 * leaves the column alone), `null` or an empty string clears it.
 */
const omittedOrCleared = (value: string | null | undefined) =>
  value === undefined ? undefined : value || null;

/** A trimmed optional string: omitted leaves it as it is, `null` or "" clear it. */
export const optionalText = (max = maxText) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform(omittedOrCleared);

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .nullish()
  .transform(omittedOrCleared)
  .refine((value) => !value || z.email().safeParse(value).success, 'is not a valid email');

export const phone = optionalText(32).refine(
  (value) => !value || /^\+?[0-9 ()./-]{6,32}$/.test(value),
  'may contain digits, spaces, + ( ) . / - (6 to 32 characters)',
);

export const plate = z
  .string({ error: 'is required' })
  .trim()
  .toUpperCase()
  .min(2, 'must be 2 to 10 characters')
  .max(10, 'must be 2 to 10 characters')
  .regex(/^[A-Z0-9][A-Z0-9 -]*$/, 'may contain letters, digits, spaces and dashes');

const currentYear = () => new Date().getUTCFullYear();

export const year = z
  .number({ error: 'must be a number' })
  .int('must be a whole year')
  .min(1886, 'cannot be before 1886, the first car')
  .refine((value) => value <= currentYear() + 1, { message: 'cannot be in the future' });

export const mileage = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'cannot be negative')
  .max(5_000_000, 'must be at most 5,000,000');

/** A VIN, normalized; the North American check digit applies unless `vinCheckDigit: false`. */
export const vin = z
  .string({ error: 'is required' })
  .max(40, 'must be 17 characters')
  .transform(normalizeVin);

/** Adds the VIN rules to an object schema holding `vin` and `vinCheckDigit`. */
export function checkVin(
  value: { vin?: string | undefined; vinCheckDigit?: boolean | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.vin === undefined) return;
  const problem = vinProblem(value.vin, { checkDigit: value.vinCheckDigit !== false });
  if (problem) ctx.addIssue({ code: 'custom', path: ['vin'], message: problem });
}

export const search = z
  .string()
  .trim()
  .max(100, 'must be at most 100 characters')
  .optional()
  .transform((value) => value || undefined);

/**
 * The page direction tRPC's infinite queries add to every page's input, next to `cursor`. Our
 * cursors only go forward, so it is accepted (inputs are strict) and dropped, since it would
 * otherwise split one page's cache entries.
 */
export const infiniteDirection = z
  .enum(['forward', 'backward'])
  .optional()
  .transform(() => undefined);

export const pagination = {
  // A first page says "no cursor" as null or by leaving it out: one cache entry either way.
  cursor: id.nullish().transform((cursor) => cursor ?? undefined),
  limit: z.number().int().min(1).max(100).default(25),
  direction: infiniteDirection,
};
