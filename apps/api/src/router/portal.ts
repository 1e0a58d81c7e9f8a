import { ownerTag, ttl, vehicleTag } from '../cache-tags';
import { vehiclesOf } from '../services/vehicles';
import { cachedQuery, customerProcedure, router } from '../trpc';
import { noInput } from '../validation';

export const portalRouter = router({
  /** The signed-in customer's own vehicles, never anyone else's: cached per principal. */
  myVehicles: cachedQuery(customerProcedure.input(noInput), {
    ttlMs: ttl.portal,
    scope: 'principal',
    query: ({ ctx }) => (ctx.user.customerId ? vehiclesOf(ctx.prisma, ctx.user.customerId) : []),
    tags: ({ ctx, result }) => [
      ...(ctx.user.customerId ? [ownerTag(ctx.user.customerId)] : []),
      ...result.map((vehicle) => vehicleTag(vehicle.id)),
    ],
  }),
});
