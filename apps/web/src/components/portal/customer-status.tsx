import { customerStatusLabels, type WorkOrderStatus } from '~/lib/work-order-words';

/**
 * A work order's status as the customer reads it ("ready for pick-up"), and a flag when work
 * added after their approval waits for their decision.
 */
export function CustomerStatus({
  status,
  awaiting = false,
}: {
  status: WorkOrderStatus;
  awaiting?: boolean;
}) {
  return (
    <>
      <span className={`badge status-${status}`}>{customerStatusLabels[status]}</span>
      {awaiting && status !== 'estimate' ? (
        <>
          {' '}
          <span className="badge awaiting">new work to decide</span>
        </>
      ) : null}
    </>
  );
}
