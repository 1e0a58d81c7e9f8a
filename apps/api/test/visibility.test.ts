import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../src/root';
import { attachmentsOf } from '../src/services/messages/attachments';
import { createEstimateLink } from '../src/services/messages/estimate-links';
import { visibleIdsOfCustomer } from '../src/visibility/customer-ids';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { callRaw } from './support/raw';
import { versionOf } from './support/versions';
import {
  customerIdOf,
  estimateWithLine,
  freshVehicle,
  freshVin,
  userIdOf,
  workOrderWithLine,
} from './support/work-orders';

// Who may see a row is one rule (src/visibility/): for every procedure and HTTP route that takes
// an id, and every role, an id the caller may not reach and an id of nothing get the same answer
// (status, code and message), so no answer tells whether a row exists. A customer may not reach
// another customer's rows; staff and admins see every row, so for them "foreign" is a row of
// another parent where the input names one (a line of another work order), and otherwise the
// test pins what a missing id answers them.

type Who = 'anonymous' | 'customer' | 'staff' | 'admin';
const everyone: Who[] = ['anonymous', 'customer', 'staff', 'admin'];
type Answer = { status: number; code: string; message: string };

/** An id no row has. */
const missing = 2_000_000_000;

/** The rows the cases point at, made in `beforeAll`: the customer is Alice, the other Bob. */
const rows = {
  aliceId: 0,
  bobId: 0,
  aliceUserId: 0,
  technicianId: 0,
  aliceVehicle: 0,
  bobVehicle: 0,
  /** Alice's estimate with a pending line. */
  aliceOrder: 0,
  aliceLine: 0,
  /** Bob's estimate with a pending line. */
  bobOrder: 0,
  bobLine: 0,
  /** Alice's invoiced work order with a payment of 40, and Bob's. */
  alicePaid: 0,
  bobPaid: 0,
  bobPayment: 0,
  /** A credit note of Bob's. */
  bobCreditNote: 0,
  /** An item of the inspection of Bob's estimate, with a photo. */
  bobItem: 0,
  bobPhoto: 0,
  /** A saved job and an inspection template (the shop's, staff only). */
  savedJob: 0,
  template: 0,
  /** An estimate link to Alice's estimate (its token). */
  aliceToken: '',
  /** An open service reminder for Bob's vehicle. */
  bobReminder: 0,
  /** A bay, and appointments on it: Alice's booked and requested ones, a caller drafted on the phone, Bob's. */
  bay: 0,
  aliceAppointment: 0,
  aliceRequest: 0,
  draftAppointment: 0,
  bobAppointment: 0,
};

type IdCase = {
  /** The procedure's path, or the HTTP route (`GET /invoices/<id>.pdf`). */
  path: string;
  /** The id in its input this case probes (dotted; array items are left out). */
  key: string;
  /** The input with `id` in that place, everything else valid for the caller. */
  input: (id: number) => Promise<unknown> | unknown;
  /**
   * An existing id the caller may not reach through this input: for a customer (and anyone
   * signed out) a row of Bob's; for staff, one of another parent, or none when they see all.
   */
  foreign: { customer: () => number; staff?: () => number };
  /** What staff and admins get for a missing id: the code (OK for a filter matching nothing). */
  missingForStaff: string;
  /** An admin's procedure: staff are refused (FORBIDDEN) whatever the id, like customers. */
  adminOnly?: true;
};

/** An hour on a day weeks ahead (`days` from now), as a booking's or a move's time. */
const slot = (days: number) => {
  const day = new Date(Date.now() + (60 + days) * 86_400_000).toISOString().slice(0, 10);
  return {
    startsAt: new Date(`${day}T09:00:00Z`),
    endsAt: new Date(`${day}T10:00:00Z`),
  };
};

/** A booking of Alice's vehicle into the bay, by phone. */
const booking = () => ({
  ...slot(1),
  vehicleId: rows.aliceVehicle,
  concern: 'Noise',
  bayId: rows.bay,
  channel: 'phone',
});

const version = async (record: Parameters<typeof versionOf>[1], id: number) =>
  versionOf(api, record, id);
let api: TestApi;

const cases: IdCase[] = [
  {
    path: 'customer.byId',
    key: 'id',
    input: (id) => ({ id }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'customer.update',
    key: 'id',
    input: async (id) => ({ id, version: await version('customer', id), notes: 'called' }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'customer.delete',
    key: 'id',
    input: async (id) => ({ id, version: await version('customer', id) }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'vehicle.list',
    key: 'ownerId',
    input: (ownerId) => ({ ownerId }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'OK',
  },
  {
    path: 'vehicle.byId',
    key: 'id',
    input: (id) => ({ id }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'vehicle.create',
    key: 'ownerId',
    input: (ownerId) => ({
      ownerId,
      vin: freshVin(),
      plate: 'VIS 1',
      make: 'Toyota',
      model: 'Corolla',
      year: 2012,
      mileage: 1_000,
    }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'vehicle.update',
    key: 'id',
    input: async (id) => ({ id, version: await version('vehicle', id), notes: 'seen' }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'vehicle.update',
    key: 'ownerId',
    input: async (ownerId) => ({
      id: rows.aliceVehicle,
      version: await version('vehicle', rows.aliceVehicle),
      ownerId,
    }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'vehicle.delete',
    key: 'id',
    input: async (id) => ({ id, version: await version('vehicle', id) }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'vehicle.history',
    key: 'vehicleId',
    input: (vehicleId) => ({ vehicleId }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.list',
    key: 'technicianId',
    input: (technicianId) => ({ technicianId }),
    foreign: { customer: () => rows.technicianId, staff: () => rows.aliceUserId },
    missingForStaff: 'OK',
  },
  {
    path: 'workOrder.list',
    key: 'vehicleId',
    input: (vehicleId) => ({ vehicleId }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'OK',
  },
  {
    path: 'workOrder.list',
    key: 'customerId',
    input: (customerId) => ({ customerId }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'OK',
  },
  {
    path: 'workOrder.byId',
    key: 'id',
    input: (id) => ({ id }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.create',
    key: 'vehicleId',
    input: (vehicleId) => ({ vehicleId, concern: 'Noise', odometerIn: 1 }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'workOrder.create',
    key: 'technicianId',
    input: (technicianId) => ({
      vehicleId: rows.aliceVehicle,
      concern: 'Noise',
      odometerIn: 1,
      technicianId,
    }),
    foreign: { customer: () => rows.technicianId, staff: () => rows.aliceUserId },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'workOrder.update',
    key: 'id',
    input: async (id) => ({ id, version: await version('workOrder', id), notes: 'called' }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.update',
    key: 'technicianId',
    input: async (technicianId) => ({
      id: rows.aliceOrder,
      version: await version('workOrder', rows.aliceOrder),
      technicianId,
    }),
    foreign: { customer: () => rows.technicianId, staff: () => rows.aliceUserId },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'workOrder.addLine',
    key: 'workOrderId',
    input: (workOrderId) => ({
      workOrderId,
      kind: 'fee',
      description: 'Disposal',
      quantity: '1',
      unitPriceCents: 100,
    }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.updateLine',
    key: 'id',
    input: async (id) => ({ id, version: await version('workOrderLine', id), quantity: '2' }),
    foreign: { customer: () => rows.bobLine },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.removeLine',
    key: 'id',
    input: async (id) => ({ id, version: await version('workOrderLine', id) }),
    foreign: { customer: () => rows.bobLine },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.decideLines',
    key: 'workOrderId',
    input: (workOrderId) => ({
      workOrderId,
      decisions: [{ lineId: rows.aliceLine, approved: true }],
    }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.decideLines',
    key: 'decisions.lineId',
    input: (lineId) => ({ workOrderId: rows.aliceOrder, decisions: [{ lineId, approved: true }] }),
    foreign: { customer: () => rows.bobLine, staff: () => rows.bobLine },
    missingForStaff: 'BAD_REQUEST',
  },
  // Messages to customers: staff procedures by work order or customer, and the estimate link,
  // whose token opens one work order: a line of another is refused like a line of none.
  ...(['forWorkOrder', 'estimateReady', 'revokeLinks'] as const).map(
    (procedure): IdCase => ({
      path: `message.${procedure}`,
      key: 'workOrderId',
      input: (workOrderId) => ({ workOrderId }),
      foreign: { customer: () => rows.bobOrder },
      missingForStaff: 'NOT_FOUND',
    }),
  ),
  {
    path: 'message.send',
    key: 'workOrderId',
    input: (workOrderId) => ({ workOrderId, subject: 'Hello', body: 'Hi' }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'message.forCustomer',
    key: 'customerId',
    input: (customerId) => ({ customerId }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'message.setPreferences',
    key: 'customerId',
    input: (customerId) => ({ customerId, remindersOptOut: false }),
    foreign: { customer: () => rows.bobId },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'estimateLink.decide',
    key: 'decisions.lineId',
    input: (lineId) => ({ token: rows.aliceToken, decisions: [{ lineId, approved: true }] }),
    foreign: { customer: () => rows.bobLine, staff: () => rows.bobLine },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'workOrder.setStatus',
    key: 'id',
    input: (id) => ({ id, status: 'cancelled' }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.invoice',
    key: 'id',
    input: (id) => ({ id }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.addPayment',
    key: 'workOrderId',
    input: (workOrderId) => ({ workOrderId, amountCents: 1, method: 'cash' }),
    foreign: { customer: () => rows.bobPaid },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.voidPayment',
    key: 'paymentId',
    input: (paymentId) => ({ paymentId, reason: 'typed wrong' }),
    foreign: { customer: () => rows.bobPayment },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.refund',
    key: 'workOrderId',
    input: (workOrderId) => ({ workOrderId, amountCents: 1, method: 'cash', reason: 'goodwill' }),
    foreign: { customer: () => rows.bobPaid },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'workOrder.refund',
    key: 'paymentId',
    input: (paymentId) => ({
      workOrderId: rows.alicePaid,
      paymentId,
      amountCents: 1,
      method: 'cash',
      reason: 'goodwill',
    }),
    foreign: { customer: () => rows.bobPayment, staff: () => rows.bobPayment },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'workOrder.creditInvoice',
    key: 'id',
    input: (id) => ({ id, reason: 'wrong address' }),
    foreign: { customer: () => rows.bobPaid },
    missingForStaff: 'NOT_FOUND',
  },
  // The schedule: staff book, move and close appointments; the portal names the customer's own.
  {
    path: 'schedule.book',
    key: 'vehicleId',
    input: (vehicleId) => ({ ...booking(), vehicleId }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.book',
    key: 'bayId',
    input: (bayId) => ({ ...booking(), bayId }),
    foreign: { customer: () => rows.bay },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.book',
    key: 'technicianId',
    input: (technicianId) => ({ ...booking(), technicianId }),
    foreign: { customer: () => rows.technicianId, staff: () => rows.aliceUserId },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.move',
    key: 'id',
    input: async (id) => ({ id, version: await version('appointment', id), ...slot(2) }),
    foreign: { customer: () => rows.bobAppointment },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'schedule.move',
    key: 'bayId',
    input: async (bayId) => ({
      id: rows.aliceAppointment,
      version: await version('appointment', rows.aliceAppointment),
      ...slot(2),
      bayId,
    }),
    foreign: { customer: () => rows.bay },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.move',
    key: 'technicianId',
    input: async (technicianId) => ({
      id: rows.aliceAppointment,
      version: await version('appointment', rows.aliceAppointment),
      ...slot(2),
      technicianId,
    }),
    foreign: { customer: () => rows.technicianId, staff: () => rows.aliceUserId },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.confirm',
    key: 'id',
    input: async (id) => ({ id, version: await version('appointment', id) }),
    foreign: { customer: () => rows.bobAppointment },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'schedule.confirm',
    key: 'bayId',
    input: async (bayId) => ({
      id: rows.aliceRequest,
      version: await version('appointment', rows.aliceRequest),
      bayId,
    }),
    foreign: { customer: () => rows.bay },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.confirm',
    key: 'technicianId',
    input: async (technicianId) => ({
      id: rows.aliceRequest,
      version: await version('appointment', rows.aliceRequest),
      technicianId,
    }),
    foreign: { customer: () => rows.technicianId, staff: () => rows.aliceUserId },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.arrive',
    key: 'id',
    input: async (id) => ({ id, version: await version('appointment', id) }),
    foreign: { customer: () => rows.bobAppointment },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'schedule.arrive',
    key: 'vehicleId',
    input: async (vehicleId) => ({
      id: rows.draftAppointment,
      version: await version('appointment', rows.draftAppointment),
      vehicleId,
    }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.arrive',
    key: 'workOrderId',
    input: async (workOrderId) => ({
      id: rows.aliceAppointment,
      version: await version('appointment', rows.aliceAppointment),
      workOrderId,
    }),
    foreign: { customer: () => rows.bobOrder, staff: () => rows.bobOrder },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'schedule.noShow',
    key: 'id',
    input: async (id) => ({ id, version: await version('appointment', id) }),
    foreign: { customer: () => rows.bobAppointment },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'schedule.cancel',
    key: 'id',
    input: async (id) => ({ id, version: await version('appointment', id) }),
    foreign: { customer: () => rows.bobAppointment },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'schedule.updateBay',
    key: 'id',
    input: async (id) => ({ id, version: await version('bay', id), position: 1 }),
    foreign: { customer: () => rows.bay },
    missingForStaff: 'NOT_FOUND',
    adminOnly: true,
  },
  {
    path: 'schedule.setWorkingHours',
    key: 'technicianId',
    input: (technicianId) => ({ technicianId, hours: [], daysOff: [] }),
    foreign: { customer: () => rows.technicianId, staff: () => rows.aliceUserId },
    missingForStaff: 'BAD_REQUEST',
    adminOnly: true,
  },
  {
    path: 'portalSchedule.request',
    key: 'vehicleId',
    input: (vehicleId) => ({ vehicleId, startsAt: slot(3).startsAt, concern: 'Rattle' }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'FORBIDDEN',
  },
  {
    path: 'portalSchedule.cancel',
    key: 'id',
    input: async (id) => ({ id, version: await version('appointment', id) }),
    foreign: { customer: () => rows.bobAppointment },
    missingForStaff: 'FORBIDDEN',
  },
  {
    path: 'savedJob.update',
    key: 'id',
    input: (id) => ({ id, version: 1, name: 'Renamed' }),
    foreign: { customer: () => rows.savedJob },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'savedJob.delete',
    key: 'id',
    input: (id) => ({ id, version: 1 }),
    foreign: { customer: () => rows.savedJob },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'savedJob.insert',
    key: 'workOrderId',
    input: (workOrderId) => ({ workOrderId, savedJobId: rows.savedJob }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'savedJob.insert',
    key: 'savedJobId',
    input: (savedJobId) => ({ workOrderId: rows.bobOrder, savedJobId }),
    foreign: { customer: () => rows.savedJob },
    missingForStaff: 'BAD_REQUEST',
  },
  // Staff's own: customers are refused whatever the id; a missing reminder is not found, a
  // missing job a bad choice of job.
  {
    path: 'reminder.insertSavedJob',
    key: 'reminderId',
    input: (reminderId) => ({ reminderId, savedJobId: rows.savedJob }),
    foreign: { customer: () => rows.bobReminder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'reminder.insertSavedJob',
    key: 'savedJobId',
    input: (savedJobId) => ({ reminderId: rows.bobReminder, savedJobId }),
    foreign: { customer: () => rows.savedJob },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'inspection.createTemplate',
    key: 'items.savedJobId',
    input: (savedJobId) => ({ name: 'Visible', items: [{ section: 'A', label: 'B', savedJobId }] }),
    foreign: { customer: () => rows.savedJob },
    missingForStaff: 'BAD_REQUEST',
    adminOnly: true,
  },
  {
    path: 'inspection.updateTemplate',
    key: 'id',
    input: (id) => ({ id, version: 1, name: 'Renamed' }),
    foreign: { customer: () => rows.template },
    missingForStaff: 'NOT_FOUND',
    adminOnly: true,
  },
  {
    path: 'inspection.updateTemplate',
    key: 'items.savedJobId',
    input: (savedJobId) => ({
      id: rows.template,
      version: 1,
      items: [{ section: 'A', label: 'B', savedJobId }],
    }),
    foreign: { customer: () => rows.savedJob },
    missingForStaff: 'BAD_REQUEST',
    adminOnly: true,
  },
  {
    path: 'inspection.deleteTemplate',
    key: 'id',
    input: (id) => ({ id, version: 1 }),
    foreign: { customer: () => rows.template },
    missingForStaff: 'NOT_FOUND',
    adminOnly: true,
  },
  {
    path: 'inspection.byWorkOrder',
    key: 'workOrderId',
    input: (workOrderId) => ({ workOrderId }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'inspection.measurements',
    key: 'vehicleId',
    input: (vehicleId) => ({ vehicleId }),
    foreign: { customer: () => rows.bobVehicle },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'inspection.start',
    key: 'workOrderId',
    input: (workOrderId) => ({ workOrderId }),
    foreign: { customer: () => rows.bobOrder },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'inspection.start',
    key: 'templateId',
    input: (templateId) => ({ workOrderId: rows.aliceOrder, templateId }),
    foreign: { customer: () => rows.template },
    missingForStaff: 'BAD_REQUEST',
  },
  {
    path: 'inspection.gradeItem',
    key: 'id',
    input: (id) => ({ id, version: 1, grade: 'ok' }),
    foreign: { customer: () => rows.bobItem },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'inspection.recommend',
    key: 'itemId',
    input: (itemId) => ({ itemId }),
    foreign: { customer: () => rows.bobItem },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'inspection.removePhoto',
    key: 'id',
    input: (id) => ({ id }),
    foreign: { customer: () => rows.bobPhoto },
    missingForStaff: 'NOT_FOUND',
  },
  {
    path: 'GET /invoices/<id>.pdf',
    key: 'id',
    input: (id) => id,
    foreign: { customer: () => rows.bobPaid },
    missingForStaff: '404',
  },
  {
    path: 'GET /credit-notes/<id>.pdf',
    key: 'id',
    input: (id) => id,
    foreign: { customer: () => rows.bobCreditNote },
    missingForStaff: '404',
  },
];

const procedures = appRouter._def.procedures as Record<string, unknown>;

/** A procedure's type (`query`, `mutation`, `subscription`) and input parsers. */
function definitionOf(procedure: unknown): { type: unknown; inputs: unknown[] } {
  const def = typeof procedure === 'function' && '_def' in procedure ? procedure._def : undefined;
  if (typeof def !== 'object' || def === null) return { type: undefined, inputs: [] };
  const type = 'type' in def ? def.type : undefined;
  const inputs = 'inputs' in def && Array.isArray(def.inputs) ? def.inputs : [];
  return { type, inputs };
}

const pdfRoutes: Record<string, string> = {
  'GET /invoices/<id>.pdf': '/invoices/',
  'GET /credit-notes/<id>.pdf': '/credit-notes/',
};

/** The names of the numeric ids a procedure's input holds (`id`, `vehicleId`, ...), dotted. */
function idKeysOf(schema: unknown, at: string[] = []): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const { properties, items, anyOf, oneOf, allOf, type } = schema as Record<string, unknown>;
  const keys: string[] = [];
  const isNumber = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false;
    const { type: kind, anyOf: either } = node as Record<string, unknown>;
    return (
      kind === 'integer' || kind === 'number' || (Array.isArray(either) && either.some(isNumber))
    );
  };
  if (type === 'object' || properties) {
    for (const [key, value] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
      if (/^id$|Id$/.test(key) && isNumber(value)) keys.push([...at, key].join('.'));
      keys.push(...idKeysOf(value, [...at, key]));
    }
  }
  keys.push(...idKeysOf(items, at));
  for (const alternatives of [anyOf, oneOf, allOf]) {
    if (Array.isArray(alternatives))
      for (const each of alternatives) keys.push(...idKeysOf(each, at));
  }
  return [...new Set(keys)];
}

describe('visibility: a foreign id and a missing id get the same answer', () => {
  const cookies = {} as Record<Who, string>;
  let staff: Client;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
    const logins: [Who, string][] = [
      ['customer', 'alice'],
      ['staff', 'staff'],
      ['admin', 'admin'],
    ];
    cookies.anonymous = '';
    for (const [who, account] of logins) {
      const login = await callRaw(api.base, ['auth.login'], {
        method: 'POST',
        inputs: [{ email: `${account}@garage.test`, password: 'garage-demo' }],
      });
      cookies[who] = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
    rows.aliceId = await customerIdOf(api, 'alice');
    rows.bobId = await customerIdOf(api, 'bob');
    rows.aliceUserId = await userIdOf(api, 'alice');
    rows.technicianId = await userIdOf(api, 'tom');
    rows.aliceVehicle = (await freshVehicle(api, rows.aliceId)).id;
    rows.bobVehicle = (await freshVehicle(api, rows.bobId)).id;

    const estimate = async (customerId: number) => {
      const made = await estimateWithLine(api, customerId);
      return { id: made.id, lineId: made.lines[0]?.id ?? 0 };
    };
    ({ id: rows.aliceOrder, lineId: rows.aliceLine } = await estimate(rows.aliceId));
    ({ id: rows.bobOrder, lineId: rows.bobLine } = await estimate(rows.bobId));
    rows.aliceToken = await api.db.prisma.$transaction((tx) =>
      createEstimateLink(tx, rows.aliceOrder, rows.aliceUserId),
    );

    const paid = async (customerId: number) => {
      const ready = await workOrderWithLine(api, customerId);
      await staff.workOrder.invoice.mutate({ id: ready.id });
      const after = await staff.workOrder.addPayment.mutate({
        workOrderId: ready.id,
        amountCents: 40,
        method: 'cash',
      });
      return { id: ready.id, paymentId: after.payments[0]?.id ?? 0 };
    };
    rows.alicePaid = (await paid(rows.aliceId)).id;
    ({ id: rows.bobPaid, paymentId: rows.bobPayment } = await paid(rows.bobId));

    const credited = await workOrderWithLine(api, rows.bobId);
    await staff.workOrder.invoice.mutate({ id: credited.id });
    const note = await staff.workOrder.creditInvoice.mutate({ id: credited.id, reason: 'wrong' });
    rows.bobCreditNote = note.creditNotes[0]?.id ?? 0;

    const bobsInspection = await api.db.prisma.inspection.create({
      data: {
        workOrderId: rows.bobOrder,
        vehicleId: (
          await api.db.prisma.workOrder.findUniqueOrThrow({ where: { id: rows.bobOrder } })
        ).vehicleId,
        mileage: 1,
        templateName: 'Visibility',
        items: {
          create: {
            position: 1,
            section: 'Brakes',
            label: 'Discs',
            grade: 'advisory',
            photos: {
              create: {
                storageKey: 'visibility-photo',
                contentType: 'image/jpeg',
                width: 1,
                height: 1,
                byteLength: 1,
                sha256: 'visibility',
              },
            },
          },
        },
      },
      include: { items: { include: { photos: true } } },
    });
    rows.bobItem = bobsInspection.items[0]?.id ?? 0;
    rows.bobPhoto = bobsInspection.items[0]?.photos[0]?.id ?? 0;
    rows.savedJob = (
      await api.db.prisma.savedJob.create({
        data: {
          name: 'Visibility job',
          lines: {
            create: {
              position: 1,
              kind: 'fee',
              description: 'Fee',
              quantity: '1',
              unitPriceCents: 1,
            },
          },
        },
      })
    ).id;
    rows.template = (
      await api.db.prisma.inspectionTemplate.create({
        data: {
          name: 'Visibility template',
          items: { create: { position: 1, section: 'A', label: 'B' } },
        },
      })
    ).id;
    rows.bobReminder = (
      await api.db.prisma.serviceReminder.create({
        data: {
          vehicleId: rows.bobVehicle,
          description: 'Visibility service',
          dueMileage: 999_999,
        },
      })
    ).id;
    rows.bay = (await api.db.prisma.bay.create({ data: { name: 'Visibility bay' } })).id;
    const appointment = async (
      hour: number,
      data: { vehicleId?: number; customerId?: number; draftName?: string; status?: 'requested' },
    ) => {
      const at = slot(10);
      const made = await api.db.prisma.appointment.create({
        data: {
          ...data,
          concern: 'Brakes',
          startsAt: new Date(at.startsAt.getTime() + hour * 3_600_000),
          endsAt: new Date(at.endsAt.getTime() + hour * 3_600_000),
          bayId: rows.bay,
          channel: 'phone',
        },
      });
      return made.id;
    };
    rows.aliceAppointment = await appointment(0, {
      vehicleId: rows.aliceVehicle,
      customerId: rows.aliceId,
    });
    rows.aliceRequest = await appointment(1, {
      vehicleId: rows.aliceVehicle,
      customerId: rows.aliceId,
      status: 'requested',
    });
    rows.draftAppointment = await appointment(2, { draftName: 'Caller' });
    rows.bobAppointment = await appointment(3, {
      vehicleId: rows.bobVehicle,
      customerId: rows.bobId,
    });
  });
  afterAll(() => api.stop());

  /** What `who` is answered for `idCase` with `id`: status, tRPC code (or status) and message. */
  async function answer(idCase: IdCase, who: Who, id: number): Promise<Answer> {
    const headers: Record<string, string> = cookies[who] ? { cookie: cookies[who] } : {};
    const route = pdfRoutes[idCase.path];
    if (route) {
      const response = await fetch(`${api.base}${route}${id}.pdf`, { headers });
      const pdf = response.headers.get('content-type') === 'application/pdf';
      const message = pdf ? 'a PDF' : await response.text();
      return { status: response.status, code: String(response.status), message };
    }
    const raw = await callRaw(api.base, [idCase.path], {
      method: definitionOf(procedures[idCase.path]).type === 'mutation' ? 'POST' : 'GET',
      inputs: [await idCase.input(id)],
      headers,
    });
    const error = (raw.body as { error?: { json?: { message?: string } } }).error?.json;
    return { status: raw.status, code: raw.codes[0] ?? '', message: error?.message ?? '' };
  }

  it.each(cases.map((each) => [`${each.path} ${each.key}`, each] as const))(
    '%s',
    async (_name, idCase) => {
      for (const who of everyone) {
        const whenMissing = await answer(idCase, who, missing);
        const staffLike = who === 'staff' || who === 'admin';
        const foreign = staffLike ? idCase.foreign.staff : idCase.foreign.customer;
        if (foreign) {
          expect(await answer(idCase, who, foreign()), `${who}: a foreign id`).toEqual(whenMissing);
        }
        const refused = who === 'staff' && idCase.adminOnly;
        if (staffLike)
          expect(whenMissing.code, `${who}: a missing id`).toBe(
            refused ? 'FORBIDDEN' : idCase.missingForStaff,
          );
        else expect(whenMissing.code, `${who}: a missing id`).not.toBe('OK');
        if (staffLike) {
          const expected =
            who === 'staff' && idCase.adminOnly ? 'FORBIDDEN' : idCase.missingForStaff;
          expect(whenMissing.code, `${who}: a missing id`).toBe(expected);
        } else expect(whenMissing.code, `${who}: a missing id`).not.toBe('OK');
      }
    },
  );

  it("a customer's visible ids (what the live filter may tell them of) are what they may open and what their portal lists", async () => {
    // A car Alice had work done on, sold to Bob since: her work order stays hers, the car not.
    const sold = await workOrderWithLine(api, rows.aliceId);
    await api.db.prisma.vehicle.update({
      where: { id: sold.vehicleId },
      data: { ownerId: rows.bobId },
    });
    const alice = await api.as('alice');
    const ids = await visibleIdsOfCustomer(api.db.prisma, rows.aliceId);
    const byNumber = (a: number, b: number) => a - b;

    const vehicles = await alice.portal.myVehicles.query();
    expect([...ids.vehicles].sort(byNumber)).toEqual(
      vehicles.map((each) => each.id).sort(byNumber),
    );
    expect(ids.vehicles.has(sold.vehicleId)).toBe(false);
    for (const id of ids.vehicles) expect((await alice.vehicle.byId.query({ id })).id).toBe(id);

    const orders = await alice.portal.myWorkOrders.query();
    expect([...ids.workOrders.keys()].sort(byNumber)).toEqual(
      [...orders.open, ...orders.past].map((each) => each.id).sort(byNumber),
    );
    expect(ids.workOrders.get(sold.id)).toBe(sold.vehicleId);
    for (const [id, vehicleId] of ids.workOrders) {
      expect((await alice.workOrder.byId.query({ id })).vehicle.id).toBe(vehicleId);
    }
  });

  it("an invoice's mail attaches the PDF its customer may download: never another customer's", async () => {
    // The worker draws the attachment with the message's customer as the viewer.
    const invoiceMail = (customerId: number) =>
      attachmentsOf(api.db.prisma, { kind: 'invoice', workOrderId: rows.bobPaid, customerId });
    expect((await invoiceMail(rows.bobId)).map((file) => file.contentType)).toEqual([
      'application/pdf',
    ]);
    expect(await invoiceMail(rows.aliceId)).toEqual([]);
  });

  it('refused every call a customer made with a foreign id: nothing of theirs changed', async () => {
    const bob = await api.db.prisma.workOrder.findMany({
      where: { id: { in: [rows.bobOrder, rows.bobPaid] } },
      select: { status: true, version: true, lines: { select: { approval: true, version: true } } },
      orderBy: { id: 'asc' },
    });
    expect(bob).toEqual([
      { status: 'estimate', version: 1, lines: [{ approval: 'pending', version: 1 }] },
      { status: 'invoiced', version: 1, lines: [{ approval: 'approved', version: 1 }] },
    ]);
    expect(
      await api.db.prisma.appointment.findUniqueOrThrow({
        where: { id: rows.bobAppointment },
        select: { status: true, version: true },
      }),
    ).toEqual({ status: 'booked', version: 1 });
  });

  it('covers every id of every procedure of the router, and both PDF routes', () => {
    const taken = Object.entries(procedures)
      // live.events' lastEventId is a position in the cache's history, not a row.
      .filter(([, procedure]) => definitionOf(procedure).type !== 'subscription')
      .flatMap(([path, procedure]) => {
        const [input] = definitionOf(procedure).inputs;
        if (!(input instanceof z.ZodType)) return [];
        const schema = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' });
        return idKeysOf(schema).map((key) => `${path} ${key}`);
      });
    const covered = cases.map((each) => `${each.path} ${each.key}`);
    expect(covered.filter((name) => !name.startsWith('GET ')).sort()).toEqual(taken.sort());
    expect(covered.filter((name) => name.startsWith('GET '))).toEqual(
      Object.keys(pdfRoutes).map((path) => `${path} id`),
    );
  });
});
