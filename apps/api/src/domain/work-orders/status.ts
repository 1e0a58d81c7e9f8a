import { openStatuses, type WorkOrderStatus } from '@garage/validators';

export {
  type LineApproval,
  type LineKind,
  lineApprovals,
  lineKinds,
  openStatuses,
  type PaymentMethod,
  paymentMethods,
  type WorkOrderStatus,
  workOrderStatuses,
} from '@garage/validators';

const open: ReadonlySet<WorkOrderStatus> = new Set(openStatuses);

/** Whether a work order in `status` is still in the shop (not invoiced, paid or cancelled). */
export function isOpen(status: WorkOrderStatus): boolean {
  return open.has(status);
}
