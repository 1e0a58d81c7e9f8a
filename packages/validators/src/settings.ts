import { z } from 'zod';
import { cleanText, phone, string, type TextShape, text } from './fields';
import { shopLocale, shopLocales } from './money';
import { cents, taxRateBps } from './work-order';

// The input of the shop's settings.

const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An optional text column that is never null: null or "" store an empty string. */
const clearable = (max: number, shape: TextShape = {}) =>
  cleanText(shape)
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value === undefined ? undefined : (value ?? '')));

/** An IANA time zone, written the canonical way ("utc" is "UTC"). */
const timeZone = string()
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

/** How money and numbers are written (BCP 47): one of the shop locales, canonical ("de-de" is "de-DE"). */
const locale = string()
  .trim()
  .max(35, 'must be at most 35 characters')
  .transform((tag, ctx) => {
    const canonical = shopLocale(tag);
    if (canonical) return canonical;
    ctx.addIssue({
      code: 'custom',
      message: `is not one of the locales offered (${shopLocales.slice(0, 3).join(', ')}, …)`,
    });
    return z.NEVER;
  });

export const settingsInput = z.strictObject({
  name: text(120).optional(),
  address: clearable(300, { multiline: true }),
  phone: phone.transform((value) => (value === undefined ? undefined : (value ?? ''))),
  defaultLaborRateCents: cents.optional(),
  defaultTaxRateBps: taxRateBps.optional(),
  currency: string()
    .trim()
    .toUpperCase()
    .refine((code) => knownCurrencies.has(code), 'is not an ISO 4217 currency code (e.g. USD)')
    .optional(),
  locale: locale.optional(),
  timeZone: timeZone.optional(),
});
