import { z } from 'zod';
import { ownerTag, ownerTagsOf, ttl, vehicleTag, workOrderSearchTag } from '../cache-tags';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  removeCustomer,
  updateCustomer,
} from '../services/customers';
import { cachedQuery, invalidatingMutation, router, staffProcedure } from '../trpc';
import { email, id, idInput, optionalText, pagination, phone, search, text } from '../validation';

const customerFields = {
  name: text(120),
  email,
  phone,
  address: optionalText(300),
  notes: optionalText(2_000),
};

export const customerRouter = router({
  list: cachedQuery(staffProcedure.input(z.strictObject({ search, ...pagination }).prefault({})), {
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

  create: invalidatingMutation(staffProcedure.input(z.strictObject(customerFields)), {
    mutation: ({ ctx, input }) => createCustomer(ctx.prisma, input),
    routes: ['customer.list'],
  }),

  update: invalidatingMutation(
    staffProcedure.input(z.strictObject({ id, ...customerFields }).partial({ name: true })),
    {
      mutation: ({ ctx, input: { id: customerId, ...fields } }) =>
        updateCustomer(ctx.prisma, customerId, fields),
      // Vehicle rows show the owner's name, so the owner tag reaches them too.
      // Work orders are searched by customer name: a new name can make one match a search.
      tags: ({ input }) => [
        ownerTag(input.id),
        ...(input.name !== undefined ? [workOrderSearchTag] : []),
      ],
      routes: ['customer.list', 'vehicle.list'],
    },
  ),

  delete: invalidatingMutation(staffProcedure.input(idInput), {
    mutation: ({ ctx, input }) => removeCustomer(ctx.prisma, input.id),
    tags: ({ input }) => [ownerTag(input.id)],
    routes: ['customer.list'],
  }),
});
