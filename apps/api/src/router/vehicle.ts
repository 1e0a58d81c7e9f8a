import { z } from 'zod';
import { ownerTag, ownerTagsOf, ttl, vehicleTag } from '../cache-tags';
import {
  createVehicle,
  deleteVehicle,
  getVehicle,
  listVehicles,
  updateVehicle,
} from '../services/vehicles';
import { authedProcedure, cached, invalidates, router, staffProcedure } from '../trpc';
import {
  checkVin,
  id,
  idInput,
  mileage,
  optionalText,
  pagination,
  plate,
  search,
  text,
  vin,
  year,
} from '../validation';

const vehicleFields = {
  ownerId: id,
  vin,
  /** false skips the North American check digit (vehicles built for other markets). */
  vinCheckDigit: z.boolean().optional(),
  plate,
  make: text(60),
  model: text(60),
  year,
  mileage,
  colour: optionalText(40),
  notes: optionalText(2_000),
};

type OwnedRow = { id: number; ownerId: number };

export const vehicleRouter = router({
  list: staffProcedure
    .use(
      cached({
        ttlMs: ttl.list,
        scope: 'role',
        // A list filtered by owner carries that owner's tag even when it is empty, so the
        // owner's first vehicle invalidates it.
        tags: (input, _ctx, result) => {
          const ownerId = (input as { ownerId?: number } | undefined)?.ownerId;
          const rows = (result as { items: OwnedRow[] }).items;
          return ownerTagsOf([...(ownerId ? [ownerId] : []), ...rows.map((row) => row.ownerId)]);
        },
      }),
    )
    .input(z.strictObject({ ownerId: id.optional(), search, ...pagination }).prefault({}))
    .query(({ ctx, input }) => listVehicles(ctx.prisma, input)),

  byId: authedProcedure
    .use(
      cached({
        ttlMs: ttl.record,
        // Staff share entries by role; a customer's entry is theirs alone, and one they may not
        // load is refused before anything is cached.
        scope: (ctx) => (ctx.user?.role === 'customer' ? 'principal' : 'role'),
        tags: (_input, _ctx, result) => {
          const row = result as OwnedRow;
          return [ownerTag(row.ownerId), vehicleTag(row.id)];
        },
      }),
    )
    .input(idInput)
    .query(({ ctx, input }) => getVehicle(ctx.prisma, input.id, ctx.user)),

  create: staffProcedure
    .use(
      invalidates({
        tags: (_input, _ctx, result) => [ownerTag((result as OwnedRow).ownerId)],
        routes: ['vehicle.list'],
      }),
    )
    .input(z.strictObject(vehicleFields).superRefine(checkVin))
    .mutation(({ ctx, input: { vinCheckDigit: _skip, ...fields } }) =>
      createVehicle(ctx.prisma, fields),
    ),

  update: staffProcedure
    .use(
      invalidates({
        // A move invalidates the old owner's views and the new owner's.
        tags: (_input, _ctx, result) => {
          const row = result as OwnedRow & { previousOwnerId: number };
          return [ownerTag(row.previousOwnerId), ownerTag(row.ownerId), vehicleTag(row.id)];
        },
        routes: ['vehicle.list'],
      }),
    )
    .input(
      z
        .strictObject({
          id,
          ...vehicleFields,
          /** Lowering the mileage corrects a typo; it must be asked for explicitly. */
          allowMileageDecrease: z.boolean().default(false),
        })
        .partial({
          ownerId: true,
          vin: true,
          plate: true,
          make: true,
          model: true,
          year: true,
          mileage: true,
        })
        .superRefine(checkVin),
    )
    .mutation(
      ({ ctx, input: { id: vehicleId, allowMileageDecrease, vinCheckDigit: _skip, ...fields } }) =>
        updateVehicle(ctx.prisma, vehicleId, fields, { allowMileageDecrease }),
    ),

  delete: staffProcedure
    .use(
      invalidates({
        tags: (_input, _ctx, result) => {
          const row = result as OwnedRow;
          return [ownerTag(row.ownerId), vehicleTag(row.id)];
        },
        routes: ['vehicle.list'],
      }),
    )
    .input(idInput)
    .mutation(({ ctx, input }) => deleteVehicle(ctx.prisma, input.id)),
});
