import {
  customerCreateInput,
  customerListInput,
  customerUpdateInput,
  idInput,
  versionedIdInput,
} from '@garage/validators';
import { ttl } from '../cache-ttl';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  removeCustomer,
  updateCustomer,
} from '../services/customers';
import { ownerTag, ownerTagsOf, vehicleTag, workOrderSearchTag } from '../tags/registry';
import { cachedQuery, invalidatingMutation, router, staffProcedure } from '../trpc';

export const customerRouter = router({
  list: cachedQuery(staffProcedure.input(customerListInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx, input }) => listCustomers(ctx.prisma, input),
    tags: ({ result }) => ownerTagsOf(result.items.map((customer) => customer.id)),
  }),

  byId: cachedQuery(staffProcedure.input(idInput), {
    ttlMs: ttl.record,
    scope: 'role',
    query: ({ ctx, input }) => getCustomer(ctx.prisma, input.id),
    tags: ({ result }) => [
      ownerTag(result.id),
      ...result.vehicles.map((vehicle) => vehicleTag(vehicle.id)),
    ],
  }),

  create: invalidatingMutation(staffProcedure.input(customerCreateInput), {
    mutation: ({ ctx, input }) => createCustomer(ctx.prisma, input),
    routes: ['customer.list'],
  }),

  update: invalidatingMutation(staffProcedure.input(customerUpdateInput), {
    mutation: ({ ctx, input: { id: customerId, version, ...fields } }) =>
      updateCustomer(ctx.prisma, customerId, version, fields, ctx.user.id),
    // Vehicle rows show the owner's name, so the owner tag reaches them too.
    // Work orders are searched by customer name: a new name can make one match a search.
    tags: ({ input }) => [
      ownerTag(input.id),
      ...(input.name !== undefined ? [workOrderSearchTag] : []),
    ],
    routes: ['customer.list', 'vehicle.list'],
  }),

  delete: invalidatingMutation(staffProcedure.input(versionedIdInput), {
    mutation: ({ ctx, input }) => removeCustomer(ctx.prisma, input.id, input.version),
    tags: ({ input }) => [ownerTag(input.id)],
    routes: ['customer.list'],
  }),
});
