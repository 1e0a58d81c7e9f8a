import { z } from 'zod';
import { phone, text } from './fields';
import { cents, taxRateBps } from './work-order';

// The input of the shop's settings.

const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An optional text column that is never null: null or "" store an empty string. */
const clearable = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value === undefined ? undefined : (value ?? '')));

/** An IANA time zone, written the canonical way ("utc" is "UTC"). */
const timeZone = z
  .string({ error: 'is required' })
  .trim()
  .max(64, 'must be at most 64 characters')
  .transform((zone, ctx) => {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not a time zone (e.g. America/Chicago)' });
      return z.NEVER;
    }
  });

export const settingsInput = z.strictObject({
  name: text(120).optional(),
  address: clearable(300),
  phone: phone.transform((value) => (value === undefined ? undefined : (value ?? ''))),
  defaultLaborRateCents: cents.optional(),
  defaultTaxRateBps: taxRateBps.optional(),
  currency: z
    .string({ error: 'is required' })
    .trim()
    .toUpperCase()
    .refine((code) => knownCurrencies.has(code), 'is not an ISO 4217 currency code (e.g. USD)')
    .optional(),
  timeZone: timeZone.optional(),
});
