import type { RouterInputs, RouterOutputs } from '@garage/api';

// The words the staff screens and the portal use for the API's work-order vocabulary. The records are keyed by
// the API's own types, so a status or kind added there fails the typecheck here until named.

type WorkOrder = RouterOutputs['workOrder']['byId'];
export type WorkOrderStatus = WorkOrder['status'];
export type LineKind = WorkOrder['lines'][number]['kind'];
export type LineApproval = WorkOrder['lines'][number]['approval'];
export type DecisionChannel = NonNullable<WorkOrder['lines'][number]['decisionChannel']>;
/** How staff heard the customer's decision (the portal is the customer's own channel). */
export type StaffChannel = NonNullable<RouterInputs['workOrder']['decideLines']['channel']>;
export type OdometerSource = WorkOrder['odometerReadings'][number]['source'];
export type PaymentMethod = RouterInputs['workOrder']['addPayment']['method'];

export const statusLabels: Record<WorkOrderStatus, string> = {
  estimate: 'Estimate',
  approved: 'Approved',
  in_progress: 'In progress',
  waiting_parts: 'Waiting for parts',
  ready: 'Ready',
  invoiced: 'Invoiced',
  paid: 'Paid',
  cancelled: 'Cancelled',
};

/**
 * The status as the customer reads it in the portal: what is happening to their car, in plain
 * words ("ready for pick-up"), not the shop's workflow names.
 */
export const customerStatusLabels: Record<WorkOrderStatus, string> = {
  estimate: 'waiting for your approval',
  approved: 'approved, work starts soon',
  in_progress: 'being worked on',
  waiting_parts: 'waiting for parts',
  ready: 'ready for pick-up',
  invoiced: 'invoiced, payment due',
  paid: 'paid',
  cancelled: 'cancelled',
};

/** What a button that moves a work order to the status says. */
export const moveLabels: Record<WorkOrderStatus, string> = {
  estimate: 'Back to estimate',
  approved: 'Mark approved',
  in_progress: 'Start work',
  waiting_parts: 'Wait for parts',
  ready: 'Mark ready',
  invoiced: 'Invoice',
  paid: 'Mark paid',
  cancelled: 'Cancel work order',
};

/** The keys of a record keyed by a union, in the order written. */
function keysOf<K extends string>(record: Record<K, string>): K[] {
  return Object.keys(record).filter((key): key is K => Object.hasOwn(record, key));
}

/** Every status, in workflow order (the list's filter offers them all). */
export const allStatuses = keysOf(statusLabels);

export const kindLabels: Record<LineKind, string> = {
  labor: 'Labour',
  part: 'Part',
  fee: 'Fee',
};

export const lineKinds = keysOf(kindLabels);

export function isLineKind(value: string): value is LineKind {
  return Object.hasOwn(kindLabels, value);
}

export const approvalLabels: Record<LineApproval, string> = {
  pending: 'Awaiting decision',
  approved: 'Approved',
  declined: 'Declined',
};

export const channelLabels: Record<DecisionChannel, string> = {
  portal: 'in the portal',
  phone: 'by phone',
  in_person: 'in person',
  link: 'through the estimate link',
};

export const staffChannels: readonly StaffChannel[] = ['phone', 'in_person'];

export function isStaffChannel(value: string): value is StaffChannel {
  return staffChannels.some((channel) => channel === value);
}

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  transfer: 'Bank transfer',
  other: 'Other',
};

export const paymentMethods = keysOf(paymentMethodLabels);

export function isPaymentMethod(value: string): value is PaymentMethod {
  return Object.hasOwn(paymentMethodLabels, value);
}

export const odometerSourceLabels: Record<OdometerSource, string> = {
  work_order_in: 'Work order in',
  work_order_out: 'Work order out',
  manual: 'Entered by hand',
  vehicle_form: 'Vehicle form',
};

/**
 * What a write that may move the work order says once done: "Payment recorded." and, when it
 * moved, to what: "The work order is now paid.", or with `back` "… is invoiced again.".
 */
export function doneSaying(
  done: string,
  move: { to: WorkOrderStatus } | null | undefined,
  back = false,
): string {
  if (!move) return `${done}.`;
  const status = statusLabels[move.to].toLowerCase();
  return `${done}. The work order is ${back ? `${status} again` : `now ${status}`}.`;
}
