import { z } from 'zod';
import { settingsTag, ttl } from '../cache-tags';
import { getShopProfile, getShopSettings, updateShopSettings } from '../services/settings';
import {
  adminProcedure,
  authedProcedure,
  cachedQuery,
  invalidatingMutation,
  router,
  staffProcedure,
} from '../trpc';
import { noInput, phone, text } from '../validation';
import { cents, taxRateBps } from './work-order-inputs';

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

const settingsInput = z.strictObject({
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

export const settingsRouter = router({
  /** The shop's name, address, phone, default rates, currency and time zone. */
  get: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.reference,
    scope: 'role',
    query: ({ ctx }) => getShopSettings(ctx.prisma),
    tags: () => [settingsTag],
  }),

  /**
   * The shop's name, address, phone, currency and time zone, for every signed-in caller (the
   * portal's header, its money and dates). One response per role: it is the same for everyone.
   */
  shop: cachedQuery(authedProcedure.input(noInput), {
    ttlMs: ttl.reference,
    scope: 'role',
    query: ({ ctx }) => getShopProfile(ctx.prisma),
    tags: () => [settingsTag],
  }),

  /** Changes the named settings (admins only). */
  update: invalidatingMutation(adminProcedure.input(settingsInput), {
    mutation: ({ ctx, input }) => updateShopSettings(ctx.prisma, input),
    tags: () => [settingsTag],
  }),
});
