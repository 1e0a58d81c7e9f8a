import {
  gradeItemInput,
  inspectionByWorkOrderInput,
  noInput,
  recommendFindingInput,
  removePhotoInput,
  startInspectionInput,
  templateCreateInput,
  templateUpdateInput,
  vehicleMeasurementsInput,
  versionedIdInput,
} from '@garage/validators';
import { ttl } from '../cache-ttl';
import { boardInspectionProgress } from '../services/inspections/board-progress';
import { inspectionOfWorkOrder } from '../services/inspections/detail';
import { gradeItem } from '../services/inspections/grade';
import { vehicleMeasurements } from '../services/inspections/measurements';
import { removePhoto } from '../services/inspections/photos';
import { recommendFinding } from '../services/inspections/recommend';
import { startInspection } from '../services/inspections/start';
import {
  createTemplate,
  listTemplates,
  removeTemplate,
  updateTemplate,
} from '../services/inspections/templates';
import { wearDueSoon } from '../services/inspections/wear-due-soon';
import {
  inspectionTag,
  inspectionTemplatesTag,
  measurementsTag,
  ownerTagsOf,
  savedJobsTag,
  vehicleHistoryTag,
  vehicleTag,
  wearDueSoonTag,
  workOrderTag,
} from '../tags/registry';
import {
  adminProcedure,
  authedProcedure,
  cachedQuery,
  invalidatingMutation,
  router,
  staffProcedure,
} from '../trpc';

/** Inspection templates (admins keep them) and inspections of work orders (technicians fill them). */
export const inspectionRouter = router({
  templates: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.reference,
    scope: 'role',
    query: ({ ctx }) => listTemplates(ctx.prisma),
    // Items show the name of the saved job that prices their findings.
    tags: () => [inspectionTemplatesTag, savedJobsTag],
  }),

  createTemplate: invalidatingMutation(adminProcedure.input(templateCreateInput), {
    mutation: ({ ctx, input }) => createTemplate(ctx.prisma, input),
    tags: () => [inspectionTemplatesTag],
  }),

  updateTemplate: invalidatingMutation(adminProcedure.input(templateUpdateInput), {
    mutation: ({ ctx, input: { id, version, ...changes } }) =>
      updateTemplate(ctx.prisma, id, version, changes, ctx.user.id),
    tags: () => [inspectionTemplatesTag],
  }),

  deleteTemplate: invalidatingMutation(adminProcedure.input(versionedIdInput), {
    mutation: ({ ctx, input }) => removeTemplate(ctx.prisma, input.id, input.version),
    tags: () => [inspectionTemplatesTag],
  }),

  /**
   * A work order's inspection (null before one starts), for staff and the work order's
   * customer: the portal shows its photos and measurements beside the lines its findings became.
   */
  byWorkOrder: cachedQuery(authedProcedure.input(inspectionByWorkOrderInput), {
    ttlMs: ttl.record,
    scope: ({ ctx }) => (ctx.user.role === 'customer' ? 'principal' : 'role'),
    query: ({ ctx, input }) => inspectionOfWorkOrder(ctx.prisma, input.workOrderId, ctx.user),
    tags: ({ result }) => [
      inspectionTag(result.workOrderId),
      // Findings show the decisions on the lines they became.
      workOrderTag(result.workOrderId),
    ],
  }),

  /** "Inspection 12/30" on the board's cards. */
  boardProgress: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx }) => boardInspectionProgress(ctx.prisma),
    tags: ({ result }) => result.map((row) => inspectionTag(row.workOrderId)),
  }),

  /**
   * A vehicle's measurements across visits, predicted forward: staff, and its owner for the
   * visits that were theirs. A reading on its odometer log moves the prediction.
   */
  measurements: cachedQuery(authedProcedure.input(vehicleMeasurementsInput), {
    ttlMs: ttl.record,
    scope: ({ ctx }) => (ctx.user.role === 'customer' ? 'principal' : 'role'),
    query: ({ ctx, input }) => vehicleMeasurements(ctx.prisma, input.vehicleId, ctx.user),
    tags: ({ result }) => [measurementsTag(result.vehicleId), vehicleHistoryTag(result.vehicleId)],
  }),

  /**
   * Worn parts predicted to reach their limit soon, for the due-soon list: a measurement moved
   * anywhere reaches it through `wear-due-soon`, a reading on a vehicle judged through its
   * history tag, a vehicle's or customer's details through theirs.
   */
  wearDueSoon: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx }) => wearDueSoon(ctx.prisma),
    tags: ({ result }) => [
      wearDueSoonTag,
      ...result.vehicleIds.map(vehicleHistoryTag),
      ...result.items.map((row) => vehicleTag(row.vehicle.id)),
      ...ownerTagsOf(result.items.map((row) => row.customer.id)),
    ],
  }),

  start: invalidatingMutation(staffProcedure.input(startInspectionInput), {
    mutation: ({ ctx, input }) => startInspection(ctx.prisma, input),
    tags: ({ result }) => [inspectionTag(result.workOrderId)],
    routes: ['inspection.boardProgress'],
  }),

  gradeItem: invalidatingMutation(staffProcedure.input(gradeItemInput), {
    mutation: ({ ctx, input }) => gradeItem(ctx.prisma, input, ctx.user.id),
    tags: ({ result }) => [
      inspectionTag(result.workOrderId),
      ...(result.movedMeasurements ? [measurementsTag(result.vehicleId), wearDueSoonTag] : []),
    ],
  }),

  /** A finding's lines on its work order, for the customer to decide on. */
  recommend: invalidatingMutation(staffProcedure.input(recommendFindingInput), {
    mutation: ({ ctx, input }) => recommendFinding(ctx.prisma, input.itemId),
    tags: ({ result }) => [workOrderTag(result.id), inspectionTag(result.id)],
  }),

  /** Photos are added over HTTP (photos/route.ts): bytes, not JSON. */
  removePhoto: invalidatingMutation(staffProcedure.input(removePhotoInput), {
    mutation: ({ ctx, input }) => removePhoto(ctx.prisma, ctx.photos, input.id),
    tags: ({ result }) => [inspectionTag(result.workOrderId)],
  }),
});
