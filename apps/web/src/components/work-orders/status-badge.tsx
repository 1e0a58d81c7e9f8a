import { statusLabels, type WorkOrderStatus } from '~/lib/work-order-words';

/** A work order's status as a coloured pill (the colour repeats the words, never replaces them). */
export function StatusBadge({ status }: { status: WorkOrderStatus }) {
  return <span className={`badge status-${status}`}>{statusLabels[status]}</span>;
}

/** The flag of a work order with lines the customer has not decided yet. */
export function AwaitingApproval({ awaiting }: { awaiting: boolean }) {
  return awaiting ? <span className="badge awaiting">Awaiting approval</span> : null;
}
