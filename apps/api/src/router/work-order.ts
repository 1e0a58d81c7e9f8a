import {
  addLineInput,
  addPaymentInput,
  creditInvoiceInput,
  decideLinesInput,
  idInput,
  invoiceInput,
  noInput,
  refundInput,
  setStatusInput,
  updateLineInput,
  versionedIdInput,
  voidPaymentInput,
  workOrderCreateInput,
  workOrderListInput,
  workOrderUpdateInput,
} from '@garage/validators';
import { ttl } from '../cache-ttl';
import { isOpen, type WorkOrderStatus } from '../domain/work-orders/status';
import { createWorkOrder } from '../services/work-orders/create';
import { creditInvoice } from '../services/work-orders/credit';
import { decideLines } from '../services/work-orders/decisions';
import { getWorkOrder } from '../services/work-orders/detail';
import { invoiceWorkOrder } from '../services/work-orders/invoice';
import { addLine, removeLine, updateLine } from '../services/work-orders/lines';
import { listWorkOrders, workOrderBoard } from '../services/work-orders/list';
import type { RecordedReading } from '../services/work-orders/odometer';
import { voidPayment } from '../services/work-orders/payment-void';
import { addPayment } from '../services/work-orders/payments';
import { recordRefund } from '../services/work-orders/refunds';
import type { WorkOrderSummary } from '../services/work-orders/shape';
import { setWorkOrderStatus } from '../services/work-orders/status';
import { listTechnicians } from '../services/work-orders/technicians';
import { updateWorkOrder } from '../services/work-orders/update';
import {
  customerWorkOrdersTag,
  moneyTags,
  ownerTag,
  ownerTagsOf,
  remindersTag,
  technicianTag,
  vehicleHistoryTag,
  vehicleTag,
  workOrderBoardTag,
  workOrderSearchTag,
  workOrderStatusTag,
  workOrderTag,
} from '../tags/registry';
import {
  authedProcedure,
  cachedQuery,
  invalidatingMutation,
  router,
  staffProcedure,
} from '../trpc';
import { deliverSoon, writtenMessageTags } from './message-tags';

/** What a list row or board card shows of others: its work order, vehicle and customer. */
const rowTags = (rows: readonly WorkOrderSummary[]) => [
  ...rows.map((row) => workOrderTag(row.id)),
  ...new Set(rows.map((row) => vehicleTag(row.vehicle.id))),
  ...ownerTagsOf(rows.map((row) => row.customer.id)),
  ...moneyTags(rows.map((row) => row.money)),
];

/**
 * A reading joins the vehicle's odometer log, which moves its predicted mileage (the history's
 * next service, the due-soon list) even when it repeats the mileage; one that moved the mileage
 * reaches every view of the vehicle.
 */
export const readingTags = (reading: RecordedReading | null) => {
  if (!reading) return [];
  const logged = vehicleHistoryTag(reading.vehicleId);
  return reading.mileageChanged ? [logged, vehicleTag(reading.vehicleId)] : [logged];
};

/**
 * A work order that changed status now matches lists filtered to its new status, and moved
 * the board's counts when it entered or left an open status.
 */
export const moveTags = (move: { from: WorkOrderStatus; to: WorkOrderStatus } | null) => {
  if (!move) return [];
  const onBoard = isOpen(move.from) || isOpen(move.to);
  return [workOrderStatusTag(move.to), ...(onBoard ? [workOrderBoardTag] : [])];
};

export const workOrderRouter = router({
  list: cachedQuery(staffProcedure.input(workOrderListInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx, input }) => listWorkOrders(ctx.prisma, input),
    // A work order that starts to match a filter reaches the lists of that filter (a new one
    // reaches every list: creation invalidates the route).
    tags: ({ input, result }) => [
      ...rowTags(result.items),
      ...(input.status ?? []).map(workOrderStatusTag),
      ...(input.technicianId ? [technicianTag(input.technicianId)] : []),
      ...(input.search ? [workOrderSearchTag] : []),
    ],
  }),

  board: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.list,
    scope: 'role',
    query: ({ ctx }) => workOrderBoard(ctx.prisma),
    tags: ({ result }) => [
      ...rowTags(result.columns.flatMap((column) => column.cards)),
      workOrderBoardTag,
    ],
  }),

  byId: cachedQuery(authedProcedure.input(idInput), {
    ttlMs: ttl.record,
    // Staff share entries by role; a customer's entry is theirs alone, and one they may not
    // load is refused before anything is cached.
    scope: ({ ctx }) => (ctx.user.role === 'customer' ? 'principal' : 'role'),
    query: ({ ctx, input }) => getWorkOrder(ctx.prisma, input.id, ctx.user),
    tags: ({ result }) => [
      workOrderTag(result.id),
      vehicleTag(result.vehicle.id),
      ownerTag(result.customer.id),
      ...moneyTags([result.money]),
    ],
  }),

  /** The staff who work on cars, for the technician pickers. */
  technicians: cachedQuery(staffProcedure.input(noInput), {
    ttlMs: ttl.reference,
    scope: 'role',
    query: ({ ctx }) => listTechnicians(ctx.prisma),
  }),

  create: invalidatingMutation(staffProcedure.input(workOrderCreateInput), {
    mutation: ({ ctx, input }) => createWorkOrder(ctx.prisma, input, ctx.user),
    tags: ({ result }) => [
      vehicleHistoryTag(result.vehicle.id),
      // The customer's portal lists their work orders.
      customerWorkOrdersTag(result.customer.id),
      ...readingTags(result.recordedReading),
    ],
    routes: ['workOrder.list', 'workOrder.board'],
  }),

  update: invalidatingMutation(staffProcedure.input(workOrderUpdateInput), {
    mutation: ({ ctx, input: { id, version, ...fields } }) =>
      updateWorkOrder(ctx.prisma, id, version, fields, ctx.user.id),
    tags: ({ input, result }) => [
      workOrderTag(result.id),
      ...(input.concern !== undefined ? [workOrderSearchTag] : []),
      ...(input.technicianId ? [technicianTag(input.technicianId)] : []),
      // The board orders its cards by promised time, and shows only the first of a column.
      ...(input.promisedAt !== undefined ? [workOrderBoardTag] : []),
    ],
  }),

  addLine: invalidatingMutation(staffProcedure.input(addLineInput), {
    mutation: ({ ctx, input: { workOrderId, ...line } }) => addLine(ctx.prisma, workOrderId, line),
    tags: ({ result }) => [workOrderTag(result.id)],
  }),

  updateLine: invalidatingMutation(staffProcedure.input(updateLineInput), {
    mutation: ({ ctx, input: { id, version, ...changes } }) =>
      updateLine(ctx.prisma, id, version, changes, ctx.user.id),
    tags: ({ result }) => [workOrderTag(result.id)],
  }),

  removeLine: invalidatingMutation(staffProcedure.input(versionedIdInput), {
    mutation: ({ ctx, input }) => removeLine(ctx.prisma, input.id, input.version),
    tags: ({ result }) => [workOrderTag(result.id)],
  }),

  /** Staff recording a decision by phone or at the counter; the customer in the portal. */
  decideLines: invalidatingMutation(authedProcedure.input(decideLinesInput), {
    mutation: ({ ctx, input }) => decideLines(ctx.prisma, input, ctx.user),
    tags: ({ result }) => [workOrderTag(result.id), ...moveTags(result.statusMove)],
  }),

  /** A move to ready also writes the customer's message (services/messages/). */
  setStatus: invalidatingMutation(staffProcedure.input(setStatusInput), {
    mutation: async ({ ctx, input }) =>
      deliverSoon(
        ctx,
        await setWorkOrderStatus(ctx.prisma, input, ctx.user, ctx.messaging.addresses),
      ),
    tags: ({ result }) => [
      workOrderTag(result.id),
      ...moveTags(result.statusMove),
      ...readingTags(result.recordedReading),
      ...writtenMessageTags(result),
    ],
  }),

  /** Locks the lines, gives the next invoice number and may set the vehicle's next service. */
  // Number, status and balance show only where the work order does (the customer's portal list
  // and page included, through its own tag): nothing else of the customer's changes.
  // It also writes the invoice's message to the customer.
  invoice: invalidatingMutation(staffProcedure.input(invoiceInput), {
    mutation: async ({ ctx, input }) =>
      deliverSoon(
        ctx,
        await invoiceWorkOrder(ctx.prisma, input, ctx.user, ctx.messaging.addresses),
      ),
    tags: ({ result }) => [
      workOrderTag(result.id),
      ...moveTags(result.statusMove),
      ...(result.reminderSet ? [vehicleHistoryTag(result.vehicle.id), remindersTag] : []),
      ...writtenMessageTags(result),
    ],
  }),

  addPayment: invalidatingMutation(staffProcedure.input(addPaymentInput), {
    mutation: ({ ctx, input }) => addPayment(ctx.prisma, input, ctx.user),
    tags: ({ result }) => [workOrderTag(result.id), ...moveTags(result.statusMove)],
  }),

  /** Voids a payment taken by mistake (it stays, struck through); paid may go back to invoiced. */
  voidPayment: invalidatingMutation(staffProcedure.input(voidPaymentInput), {
    mutation: ({ ctx, input }) => voidPayment(ctx.prisma, input, ctx.user),
    tags: ({ result }) => [workOrderTag(result.id), ...moveTags(result.statusMove)],
  }),

  /** Gives money back, against a payment or the work order; paid may go back to invoiced. */
  refund: invalidatingMutation(staffProcedure.input(refundInput), {
    mutation: ({ ctx, input }) => recordRefund(ctx.prisma, input, ctx.user),
    tags: ({ result }) => [workOrderTag(result.id), ...moveTags(result.statusMove)],
  }),

  /**
   * Credits the invoice in full with a credit note; the work order goes back to ready, to be
   * corrected and invoiced again. It leaves the invoiced (or paid) lists and joins the board.
   */
  creditInvoice: invalidatingMutation(staffProcedure.input(creditInvoiceInput), {
    mutation: ({ ctx, input }) => creditInvoice(ctx.prisma, input, ctx.user),
    tags: ({ result }) => [workOrderTag(result.id), ...moveTags(result.statusMove)],
  }),
});
