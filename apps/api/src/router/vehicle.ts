import { z } from 'zod';
import {
  ownerTag,
  ownerTagsOf,
  ttl,
  vehicleHistoryTag,
  vehicleTag,
  workOrderSearchTag,
  workOrderTag,
} from '../cache-tags';
import {
  createVehicle,
  deleteVehicle,
  getVehicle,
  listVehicles,
  updateVehicle,
} from '../services/vehicles';
import { decodeVin } from '../services/vin-decoder';
import { vehicleHistory } from '../services/work-orders/history';
import {
  authedProcedure,
  cachedQuery,
  invalidatingMutation,
  router,
  staffProcedure,
} from '../trpc';
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

export const vehicleRouter = router({
  list: cachedQuery(
    staffProcedure.input(
      z.strictObject({ ownerId: id.optional(), search, ...pagination }).prefault({}),
    ),
    {
      ttlMs: ttl.list,
      scope: 'role',
      query: ({ ctx, input }) => listVehicles(ctx.prisma, input),
      // A list filtered by owner carries that owner's tag even when it is empty, so the
      // owner's first vehicle invalidates it.
      // Each row's vehicle tag: a vehicle's new mileage (a work order's reading) reaches the
      // pages showing it and no other.
      tags: ({ input, result }) => [
        ...ownerTagsOf([
          ...(input.ownerId ? [input.ownerId] : []),
          ...result.items.map((row) => row.ownerId),
        ]),
        ...result.items.map((row) => vehicleTag(row.id)),
      ],
    },
  ),

  byId: cachedQuery(authedProcedure.input(idInput), {
    ttlMs: ttl.record,
    // Staff share entries by role; a customer's entry is theirs alone, and one they may not
    // load is refused before anything is cached.
    scope: ({ ctx }) => (ctx.user.role === 'customer' ? 'principal' : 'role'),
    query: ({ ctx, input }) => getVehicle(ctx.prisma, input.id, ctx.user),
    tags: ({ result }) => [ownerTag(result.ownerId), vehicleTag(result.id)],
  }),

  create: invalidatingMutation(
    staffProcedure.input(z.strictObject(vehicleFields).superRefine(checkVin)),
    {
      mutation: ({ ctx, input: { vinCheckDigit: _skip, ...fields } }) =>
        createVehicle(ctx.prisma, fields),
      tags: ({ result }) => [ownerTag(result.ownerId)],
      routes: ['vehicle.list'],
    },
  ),

  update: invalidatingMutation(
    staffProcedure.input(
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
    ),
    {
      mutation: ({
        ctx,
        input: { id: vehicleId, allowMileageDecrease, vinCheckDigit: _skip, ...fields },
      }) => updateVehicle(ctx.prisma, vehicleId, fields, { allowMileageDecrease }),
      // A move invalidates the old owner's views and the new owner's.
      tags: ({ input, result }) => [
        ownerTag(result.previousOwnerId),
        ownerTag(result.ownerId),
        vehicleTag(result.id),
        // A reading in the log moves the predicted mileage of the due-soon list.
        ...(result.readingRecorded ? [vehicleHistoryTag(result.id)] : []),
        // Work orders are searched by plate: a new plate can make one match a search.
        ...(input.plate !== undefined ? [workOrderSearchTag] : []),
      ],
      routes: ['vehicle.list'],
    },
  ),

  delete: invalidatingMutation(staffProcedure.input(idInput), {
    mutation: ({ ctx, input }) => deleteVehicle(ctx.prisma, input.id),
    tags: ({ result }) => [ownerTag(result.ownerId), vehicleTag(result.id)],
    routes: ['vehicle.list'],
  }),

  /** Work orders, odometer log and recommendations (declined lines) of one vehicle. */
  history: cachedQuery(authedProcedure.input(z.strictObject({ vehicleId: id })), {
    ttlMs: ttl.record,
    scope: ({ ctx }) => (ctx.user.role === 'customer' ? 'principal' : 'role'),
    query: ({ ctx, input }) => vehicleHistory(ctx.prisma, input.vehicleId, ctx.user),
    tags: ({ result }) => [
      vehicleTag(result.vehicle.id),
      vehicleHistoryTag(result.vehicle.id),
      ownerTag(result.vehicle.ownerId),
      ...ownerTagsOf(result.workOrders.map((workOrder) => workOrder.customer.id)),
      ...result.workOrders.map((workOrder) => workOrderTag(workOrder.id)),
    ],
  }),

  /** Make, model and year of a VIN from the vPIC data we ship (offline); null when unknown. */
  decodeVin: cachedQuery(
    staffProcedure.input(
      z
        .strictObject({ vin })
        .superRefine((value, ctx) => checkVin({ ...value, vinCheckDigit: false }, ctx)),
    ),
    {
      ttlMs: ttl.reference,
      scope: 'role',
      query: ({ input }) => decodeVin(input.vin),
    },
  ),
});
