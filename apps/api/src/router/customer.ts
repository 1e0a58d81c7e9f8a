import { z } from 'zod';
import { ownerTag, ownerTagsOf, ttl } from '../cache-tags';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  removeCustomer,
  updateCustomer,
} from '../services/customers';
import { cached, invalidates, router, staffProcedure } from '../trpc';
import { email, id, idInput, optionalText, pagination, phone, search, text } from '../validation';

const customerFields = {
  name: text(120),
  email,
  phone,
  address: optionalText(300),
  notes: optionalText(2_000),
};

type WithId = { id: number };
type ListResult = { items: WithId[] };

export const customerRouter = router({
  list: staffProcedure
    .use(
      cached({
        ttlMs: ttl.list,
        scope: 'role',
        tags: (_input, _ctx, result) => ownerTagsOf((result as ListResult).items.map((c) => c.id)),
      }),
    )
    .input(z.strictObject({ search, ...pagination }).prefault({}))
    .query(({ ctx, input }) => listCustomers(ctx.prisma, input)),

  byId: staffProcedure
    .use(
      cached({
        ttlMs: ttl.record,
        scope: 'role',
        tags: (_input, _ctx, result) => [ownerTag((result as WithId).id)],
      }),
    )
    .input(idInput)
    .query(({ ctx, input }) => getCustomer(ctx.prisma, input.id)),

  create: staffProcedure
    .use(invalidates({ routes: ['customer.list'] }))
    .input(z.strictObject(customerFields))
    .mutation(({ ctx, input }) => createCustomer(ctx.prisma, input)),

  update: staffProcedure
    .use(
      invalidates({
        // Vehicle rows show the owner's name, so the owner tag reaches them too.
        tags: (input) => [ownerTag((input as WithId).id)],
        routes: ['customer.list', 'vehicle.list'],
      }),
    )
    .input(z.strictObject({ id, ...customerFields }).partial({ name: true }))
    .mutation(({ ctx, input: { id: customerId, ...fields } }) =>
      updateCustomer(ctx.prisma, customerId, fields),
    ),

  delete: staffProcedure
    .use(
      invalidates({
        tags: (input) => [ownerTag((input as WithId).id)],
        routes: ['customer.list'],
      }),
    )
    .input(idInput)
    .mutation(({ ctx, input }) => removeCustomer(ctx.prisma, input.id)),
});
