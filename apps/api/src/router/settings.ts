import { noInput, settingsInput } from '@garage/validators';
import { ttl } from '../cache-ttl';
import { getShopProfile, getShopSettings, updateShopSettings } from '../services/settings';
import { settingsTag } from '../tags/registry';
import {
  adminProcedure,
  authedProcedure,
  cachedQuery,
  invalidatingMutation,
  router,
  staffProcedure,
} from '../trpc';

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
