import type { RouterOutputs } from '@garage/api';
import { Timestamp } from '~/components/timestamp';
import { moneyIn } from '~/lib/money-of';
import { paymentMethodLabels } from '~/lib/work-order-words';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Entry = WorkOrder['audit'][number];

/** One entry of the audit in words: what was done, with how much and why. */
function describe(entry: Entry, locale: string | null): string {
  const money = moneyIn({ currency: entry.currency, locale });
  switch (entry.kind) {
    case 'payment':
      return `Payment ${entry.paymentId} of ${money(entry.amountCents)} taken (${paymentMethodLabels[entry.method].toLowerCase()})`;
    case 'payment_voided':
      return `Payment ${entry.paymentId} of ${money(entry.amountCents)} voided: ${entry.reason}`;
    case 'refund':
      return `Refund of ${money(entry.amountCents)} (${paymentMethodLabels[entry.method].toLowerCase()}${entry.paymentId === null ? '' : `, of payment ${entry.paymentId}`}): ${entry.reason}`;
    case 'credit_note':
      return `Invoice ${entry.invoiceNumber} (${money(entry.totalCents)}) credited by credit note ${entry.number}: ${entry.reason}`;
  }
}

/**
 * Staff: the audit of the work order's money and documents, oldest first: every payment taken,
 * voided or refunded and every credit note, who did it, when and why. Nothing in it is ever
 * edited or removed.
 */
export function MoneyAudit({ workOrder }: { workOrder: WorkOrder }) {
  if (workOrder.audit.length === 0) return null;
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Money audit</h2>
      <ol className="status-history">
        {workOrder.audit.map((entry) => (
          <li key={entry.key}>
            <Timestamp at={entry.at} />: {describe(entry, workOrder.money.locale)}
            {entry.by ? ` — ${entry.by.name}` : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
