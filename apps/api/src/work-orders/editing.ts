import { WorkOrderConflictError } from './errors';
import { isOpen, type WorkOrderStatus } from './status';

/**
 * Refuses a change to a work order that has left the shop: once invoiced (or paid, or
 * cancelled) its lines, details and decisions are read-only, and any change is a CONFLICT.
 */
export function assertEditable(status: WorkOrderStatus): void {
  if (!isOpen(status)) {
    throw new WorkOrderConflictError(
      status,
      `work order is ${status}: it can no longer be changed`,
    );
  }
}

/** Payments are taken against an invoice: only an invoiced work order accepts one. */
export function assertAcceptsPayment(status: WorkOrderStatus): void {
  if (status !== 'invoiced') {
    throw new WorkOrderConflictError(
      status,
      `work order is ${status}: payments are taken once it is invoiced and until it is paid`,
    );
  }
}
