'use client';

import { allStatuses, statusLabels, type WorkOrderStatus } from '~/lib/work-order-words';

/** Checkboxes, one per status: the list shows work orders in any status ticked (all when none). */
export function StatusFilter({
  value,
  onChange,
}: {
  value: readonly WorkOrderStatus[];
  onChange: (value: WorkOrderStatus[]) => void;
}) {
  const toggle = (status: WorkOrderStatus, on: boolean) =>
    onChange(allStatuses.filter((s) => (s === status ? on : value.includes(s))));
  return (
    <fieldset className="field status-filter">
      <legend>Status</legend>
      {allStatuses.map((status) => (
        <label key={status}>
          <input
            type="checkbox"
            name="status"
            value={status}
            checked={value.includes(status)}
            onChange={(event) => toggle(status, event.target.checked)}
          />{' '}
          {statusLabels[status]}
        </label>
      ))}
    </fieldset>
  );
}
