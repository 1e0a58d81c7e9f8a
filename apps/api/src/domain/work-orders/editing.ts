import { AppError } from '../../app-error';
import { isOpen, type LineApproval, type WorkOrderStatus } from './status';

/**
 * Refuses a change to a work order that has left the shop: once invoiced (or paid, or
 * cancelled) its lines, details and decisions are read-only, and any change is a CONFLICT.
 */
export function assertEditable(status: WorkOrderStatus): void {
  if (!isOpen(status)) {
    throw new AppError('CONFLICT', `work order is ${status}: it can no longer be changed`, {
      data: { status },
    });
  }
}

/** Payments are taken against an invoice: only an invoiced work order accepts one. */
export function assertAcceptsPayment(status: WorkOrderStatus): void {
  if (status !== 'invoiced') {
    throw new AppError(
      'CONFLICT',
      `work order is ${status}: payments are taken once it is invoiced and until it is paid`,
      { data: { status } },
    );
  }
}

// Once work has started the customer's decisions are final: the work approved is being (or has
// been) done, and a declined line may have been left undone on that understanding. Until then
// (an estimate, or approved but not started) a decision can still be changed.
const workStarted: ReadonlySet<WorkOrderStatus> = new Set([
  'in_progress',
  'waiting_parts',
  'ready',
]);

/** Whether a line in `approval` may be decided (or decided again) on a work order in `status`. */
export function isDecidable(status: WorkOrderStatus, approval: LineApproval): boolean {
  if (!isOpen(status)) return false;
  return approval === 'pending' || !workStarted.has(status);
}

/**
 * Refuses a decision on a line already decided once work has started (CONFLICT naming the
 * status); a line still pending (added after approval) can be decided whatever the status.
 */
export function assertDecidable(
  status: WorkOrderStatus,
  line: { id: number; approval: LineApproval },
): void {
  assertEditable(status);
  if (!isDecidable(status, line.approval)) {
    throw new AppError(
      'CONFLICT',
      `work order is ${status}: line ${line.id} is already ${line.approval}, and decisions are final once work has started`,
      { data: { status } },
    );
  }
}
