import { noInput } from '@garage/validators';
import { ttl } from '../cache-ttl';
import { vehiclesOf } from '../services/vehicles';
import { workOrdersOfCustomer } from '../services/work-orders/portal';
import {
  customerWorkOrdersTag,
  moneyTags,
  ownerTag,
  vehicleTag,
  workOrderTag,
} from '../tags/registry';
import { cachedQuery, customerProcedure, router } from '../trpc';

export const portalRouter = router({
  /** The signed-in customer's own vehicles, never anyone else's: cached per principal. */
  myVehicles: cachedQuery(customerProcedure.input(noInput), {
    ttlMs: ttl.portal,
    scope: 'principal',
    query: ({ ctx }) => vehiclesOf(ctx.prisma, ctx.user),
    tags: ({ ctx, result }) => [
      ...(ctx.user.customerId ? [ownerTag(ctx.user.customerId)] : []),
      ...result.map((vehicle) => vehicleTag(vehicle.id)),
    ],
  }),

  /**
   * The signed-in customer's open and past work orders: cached per principal, reached by a new
   * work order for them (their work-order list tag) and by any change to one (its own tag).
   */
  myWorkOrders: cachedQuery(customerProcedure.input(noInput), {
    ttlMs: ttl.portal,
    scope: 'principal',
    query: ({ ctx }) => workOrdersOfCustomer(ctx.prisma, ctx.user),
    tags: ({ ctx, result }) => {
      const items = [...result.open, ...result.past];
      return [
        ...(ctx.user.customerId
          ? [ownerTag(ctx.user.customerId), customerWorkOrdersTag(ctx.user.customerId)]
          : []),
        ...items.map((item) => workOrderTag(item.id)),
        ...new Set(items.map((item) => vehicleTag(item.vehicle.id))),
        ...moneyTags(items.map((item) => item.money)),
      ];
    },
  }),
});
