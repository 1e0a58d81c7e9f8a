import {
  decodeVinInput,
  idInput,
  vehicleCreateInput,
  vehicleHistoryInput,
  vehicleListInput,
  vehicleUpdateInput,
  versionedIdInput,
} from '@garage/validators';
import { ttl } from '../cache-ttl';
import {
  createVehicle,
  deleteVehicle,
  getVehicle,
  listVehicles,
  updateVehicle,
} from '../services/vehicles';
import { vehicleHistory } from '../services/work-orders/history';
import {
  moneyTags,
  ownerTag,
  ownerTagsOf,
  vehicleHistoryTag,
  vehicleTag,
  workOrderSearchTag,
  workOrderTag,
} from '../tags/registry';
import {
  authedProcedure,
  cachedQuery,
  invalidatingMutation,
  router,
  staffProcedure,
} from '../trpc';

export const vehicleRouter = router({
  list: cachedQuery(staffProcedure.input(vehicleListInput), {
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
  }),

  byId: cachedQuery(authedProcedure.input(idInput), {
    ttlMs: ttl.record,
    // Staff share entries by role; a customer's entry is theirs alone, and one they may not
    // load is refused before anything is cached.
    scope: ({ ctx }) => (ctx.user.role === 'customer' ? 'principal' : 'role'),
    query: ({ ctx, input }) => getVehicle(ctx.prisma, input.id, ctx.user),
    tags: ({ result }) => [ownerTag(result.ownerId), vehicleTag(result.id)],
  }),

  create: invalidatingMutation(staffProcedure.input(vehicleCreateInput), {
    mutation: ({ ctx, input: { vinCheckDigit: _skip, ...fields } }) =>
      createVehicle(ctx.prisma, fields),
    tags: ({ result }) => [ownerTag(result.ownerId)],
    routes: ['vehicle.list'],
  }),

  update: invalidatingMutation(staffProcedure.input(vehicleUpdateInput), {
    mutation: ({
      ctx,
      input: { id: vehicleId, version, allowMileageDecrease, vinCheckDigit: _skip, ...fields },
    }) =>
      updateVehicle(ctx.prisma, vehicleId, version, fields, {
        allowMileageDecrease,
        byId: ctx.user.id,
      }),
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
  }),

  delete: invalidatingMutation(staffProcedure.input(versionedIdInput), {
    mutation: ({ ctx, input }) => deleteVehicle(ctx.prisma, input.id, input.version),
    tags: ({ result }) => [ownerTag(result.ownerId), vehicleTag(result.id)],
    routes: ['vehicle.list'],
  }),

  /** Work orders, odometer log and recommendations (declined lines) of one vehicle. */
  history: cachedQuery(authedProcedure.input(vehicleHistoryInput), {
    ttlMs: ttl.record,
    scope: ({ ctx }) => (ctx.user.role === 'customer' ? 'principal' : 'role'),
    query: ({ ctx, input }) => vehicleHistory(ctx.prisma, input.vehicleId, ctx.user),
    tags: ({ result }) => [
      vehicleTag(result.vehicle.id),
      vehicleHistoryTag(result.vehicle.id),
      ownerTag(result.vehicle.ownerId),
      ...ownerTagsOf(result.workOrders.map((workOrder) => workOrder.customer.id)),
      ...result.workOrders.map((workOrder) => workOrderTag(workOrder.id)),
      ...moneyTags(result.workOrders.map((workOrder) => workOrder.money)),
    ],
  }),

  /** Make, model and year of a VIN from the vPIC data we ship (offline); null when unknown. */
  decodeVin: cachedQuery(staffProcedure.input(decodeVinInput), {
    ttlMs: ttl.reference,
    scope: 'role',
    query: ({ ctx, input }) => ctx.vinDecoder.decode(input.vin),
  }),
});
