import type { RouterInputs, RouterOutputs } from '@garage/api';
import { formatMileage } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { Amounts } from './amounts';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type NextService = RouterInputs['workOrder']['invoice']['nextService'];

/**
 * What invoicing is about to do, shown before it does it: the lines that will be invoiced, the
 * declined ones that will not, the total (and what is already paid toward it), and what gets
 * locked.
 */
export function InvoiceSummary({
  workOrder,
  nextService,
}: {
  workOrder: WorkOrder;
  nextService: NextService;
}) {
  const money = moneyIn(workOrder.money);
  const next = [
    nextService?.mileage === undefined ? null : `at ${formatMileage(nextService.mileage)}`,
    // A calendar day, shown as it is: no time zone moves it.
    nextService?.date === undefined ? null : `on ${nextService.date}`,
  ].filter((part) => part !== null);
  const charged = workOrder.lines.filter((line) => line.approval !== 'declined');
  const declined = workOrder.lines.filter((line) => line.approval === 'declined');
  return (
    <div className="invoice-summary">
      <h3>Invoiced ({charged.length})</h3>
      <ul aria-label="Lines to invoice">
        {charged.map((line) => (
          <li key={line.id}>
            {line.description} <span className="num">{money(line.totalCents)}</span>
          </li>
        ))}
      </ul>
      <h3>Declined, not invoiced ({declined.length})</h3>
      {declined.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul aria-label="Declined lines">
          {declined.map((line) => (
            <li key={line.id}>
              {line.description} <span className="num">{money(line.totalCents)}</span>
            </li>
          ))}
        </ul>
      )}
      <Amounts
        label="Invoice total"
        money={money}
        amounts={[
          { term: 'Total', cents: workOrder.totals.totalCents, strong: true },
          workOrder.paidCents > 0 && { term: 'Already paid', cents: workOrder.paidCents },
          workOrder.paidCents > 0 && { term: 'Balance due', cents: workOrder.balanceCents },
        ]}
      />
      {next.length > 0 ? <p>Next service: {next.join(' or ')}, whichever comes first.</p> : null}
      <p>
        Invoicing gives it the next invoice number and locks its lines, its details and the
        customer's decisions: nothing of it can change afterwards, except by crediting the invoice.
      </p>
    </div>
  );
}
