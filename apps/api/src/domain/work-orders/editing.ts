import { AppError } from '../../app-error';
import { isOpen, type LineApproval, type WorkOrderStatus } from './status';

/**
 * Whether a work order in `status` may still change: while it is in the shop. Once invoiced (or
 * paid, or cancelled) its lines, details and decisions are read-only. The API answers it with
 * the work order (`editable`), so a screen shows its editors by this rule, not a copy of it.
 */
export function isEditable(status: WorkOrderStatus): boolean {
  return isOpen(status);
}

/** Refuses a change to a work order that is no longer editable: a CONFLICT naming its status. */
export function assertEditable(status: WorkOrderStatus): void {
  if (!isEditable(status)) {
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
  if (!isEditable(status)) return false;
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
