// The work-order vocabulary the rules and the forms speak, kept free of Prisma so the web app
// uses it too; apps/api/test/domain/work-orders/vocabulary.test.ts checks it against the database enums.

export const workOrderStatuses = [
  'estimate',
  'approved',
  'in_progress',
  'waiting_parts',
  'ready',
  'invoiced',
  'paid',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

/** Statuses in which the work order is still in the shop: the board's columns. */
export const openStatuses = [
  'estimate',
  'approved',
  'in_progress',
  'waiting_parts',
  'ready',
] as const satisfies ReadonlyArray<WorkOrderStatus>;

export const lineKinds = ['labor', 'part', 'fee'] as const;
export type LineKind = (typeof lineKinds)[number];

export const lineApprovals = ['pending', 'approved', 'declined'] as const;
export type LineApproval = (typeof lineApprovals)[number];

export const paymentMethods = ['cash', 'card', 'transfer', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
