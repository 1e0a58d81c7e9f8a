import type { RouterOutputs } from '@garage/api';
import { Timestamp } from '~/components/timestamp';
import { statusLabels } from '~/lib/work-order-words';

type StatusChange = RouterOutputs['workOrder']['byId']['statusHistory'][number];

/** Every move of the work order, oldest first: from, to, who, when, and what made it. */
export function StatusHistory({ changes }: { changes: readonly StatusChange[] }) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Status history</h2>
      <ol className="status-history">
        {changes.map((change) => (
          <li key={change.id}>
            <Timestamp at={change.at} />:{' '}
            {change.from ? `${statusLabels[change.from]} → ` : 'Opened as '}
            <strong>{statusLabels[change.to]}</strong>
            {change.by ? ` by ${change.by.name}` : null}
            {change.note ? <span className="muted"> ({change.note})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
