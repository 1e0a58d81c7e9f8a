import { ownerTag, ttl } from '../cache-tags';
import { vehiclesOf } from '../services/vehicles';
import { cached, customerProcedure, router } from '../trpc';
import { noInput } from '../validation';

export const portalRouter = router({
  /** The signed-in customer's own vehicles, never anyone else's: cached per principal. */
  myVehicles: customerProcedure
    .use(
      cached({
        ttlMs: ttl.portal,
        scope: 'principal',
        tags: (_input, ctx) => (ctx.user?.customerId ? [ownerTag(ctx.user.customerId)] : []),
      }),
    )
    .input(noInput)
    .query(({ ctx }) => (ctx.user.customerId ? vehiclesOf(ctx.prisma, ctx.user.customerId) : [])),
});
