import { z } from 'zod';
import { normalizeVin, vinProblem } from './vin';

// Input rules shared by the API's procedures and the web's forms. Every message names what is
// wrong with what was sent, in words a form can show next to the field (the field is the key of
// the error): a missing value "is required", a value of the wrong JSON type says which type it
// must be, and a value of the right type says what is wrong with it.

const maxText = 200;

/** The message of a type error: "is required" when nothing was sent, `expected` otherwise. */
export const typeError =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? 'is required' : expected;

/** A number's type error; Infinity and NaN (superjson can send them) are numbers, but not finite. */
const numberTypeError = (issue: { input?: unknown }): string =>
  typeof issue.input === 'number'
    ? 'must be a finite number'
    : typeError('must be a number')(issue);

/** A number of any size or sign, with its type errors in words. */
export const number = () => z.number({ error: numberTypeError });

export const id = number()
  .int('must be a whole number')
  .positive('must be more than 0')
  .max(2_147_483_647, 'must be at most 2147483647');
export const idInput = z.strictObject({ id });

/** The input of a procedure that takes none: nothing (or null), or an empty object. */
export const noInput = z.strictObject({}).nullish();

/** A string, with its type error in words. */
export const string = () => z.string({ error: typeError('must be text') });

/** true or false, with its type error in words. */
export const boolean = () => z.boolean({ error: typeError('must be true or false') });

/** Whether text may hold line breaks and tabs (notes, addresses) or is one line (a name). */
export interface TextShape {
  multiline?: boolean;
}

/**
 * Why `text` holds a control character it may not, or null: PostgreSQL refuses U+0000 in text,
 * and no field means any other C0 control (or DEL), except tabs and line breaks in multi-line text.
 */
export function controlCharacterProblem(
  text: string,
  { multiline }: TextShape = {},
): string | null {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code !== 0x7f) continue;
    if (multiline && (char === '\n' || char === '\r' || char === '\t')) continue;
    if (char === '\n' || char === '\r') return 'must be one line';
    return `must not contain control characters (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  return null;
}

/** Trimmed text without control characters (see controlCharacterProblem). */
export const cleanText = (shape: TextShape = {}) =>
  string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = controlCharacterProblem(value, shape);
      if (problem) ctx.addIssue(problem);
    });

/** A trimmed required string of at most `max` characters. */
export const text = (max = maxText, shape: TextShape = {}) =>
  cleanText(shape).min(1, 'is required').max(max, `must be at most ${max} characters`);

/**
 * An optional field's value as a write applies it: omitted stays undefined (a partial update
 * leaves the column alone), `null` or an empty string clears it.
 */
const omittedOrCleared = (value: string | null | undefined) =>
  value === undefined ? undefined : value || null;

/** A trimmed optional string: omitted leaves it as it is, `null` or "" clear it. */
export const optionalText = (max = maxText, shape: TextShape = {}) =>
  cleanText(shape)
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform(omittedOrCleared);

export const email = cleanText()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .nullish()
  .transform(omittedOrCleared)
  .refine((value) => !value || z.email().safeParse(value).success, 'is not a valid email');

export const phone = optionalText(32).refine(
  (value) => !value || /^\+?[0-9 ()./-]{6,32}$/.test(value),
  'may contain digits, spaces, + ( ) . / - (6 to 32 characters)',
);

/** Why a (trimmed, upper-cased) plate is not one, or null: one problem, the first that applies. */
function plateProblem(plate: string): string | null {
  if (plate === '') return 'is required';
  if (plate.length < 2 || plate.length > 10) return 'must be 2 to 10 characters';
  if (!/^[A-Z0-9][A-Z0-9 -]*$/.test(plate)) return 'may contain letters, digits, spaces and dashes';
  return null;
}

export const plate = string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = plateProblem(value);
    if (problem) ctx.addIssue(problem);
  });

const currentYear = () => new Date().getUTCFullYear();

export const year = number()
  .int('must be a whole year')
  .min(1886, 'cannot be before 1886, the first car')
  .refine((value) => value <= currentYear() + 1, { message: 'cannot be in the future' });

export const mileage = number()
  .int('must be a whole number')
  .min(0, 'cannot be negative')
  .max(5_000_000, 'must be at most 5,000,000');

/** A VIN, normalized; the North American check digit applies unless `vinCheckDigit: false`. */
export const vin = string().max(40, 'must be 17 characters').transform(normalizeVin);

/** Adds the VIN rules to an object schema holding `vin` and `vinCheckDigit` (with vinChecks). */
export function checkVin(
  value: { vin?: string | undefined; vinCheckDigit?: boolean | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.vin === undefined) return;
  const problem =
    value.vin === ''
      ? 'is required'
      : vinProblem(value.vin, { checkDigit: value.vinCheckDigit !== false });
  if (problem) ctx.addIssue({ code: 'custom', path: ['vin'], message: problem });
}

/**
 * When checkVin runs: whatever else is wrong with the object, so a form hears of its VIN with its
 * other problems, once the VIN and its opt-out are themselves well typed.
 */
export const vinChecks: z.core.$ZodSuperRefineParams = {
  when: ({ value, issues }) =>
    typeof value === 'object' &&
    value !== null &&
    !issues.some((issue) => issue.path?.[0] === 'vin' || issue.path?.[0] === 'vinCheckDigit'),
};

export const search = cleanText()
  .max(100, 'must be at most 100 characters')
  .optional()
  .transform((value) => value || undefined);

/**
 * The page direction tRPC's infinite queries add to every page's input, next to `cursor`. Our
 * cursors only go forward, so it is accepted (inputs are strict) and dropped, since it would
 * otherwise split one page's cache entries.
 */
export const infiniteDirection = z
  .enum(['forward', 'backward'], { error: 'must be forward or backward' })
  .optional()
  .transform(() => undefined);

export const pagination = {
  // A first page says "no cursor" as null or by leaving it out: one cache entry either way.
  cursor: id.nullish().transform((cursor) => cursor ?? undefined),
  limit: number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(25),
  direction: infiniteDirection,
};

const firstPlausible = new Date('2000-01-01T00:00:00Z');
const lastPlausible = new Date('2099-12-31T23:59:59.999Z');
const plausibleYears = 'must be in the years 2000 to 2099';

/**
 * A moment a shop could mean (a promise, a due date), `what` saying what it must be. PostgreSQL
 * stores years far beyond a garage's plans, but not every year a JavaScript Date holds, and no
 * work order is promised for the year 20000.
 */
export const instant = (what: string) =>
  z
    .date({ error: typeError(what) })
    .min(firstPlausible, plausibleYears)
    .max(lastPlausible, plausibleYears);
