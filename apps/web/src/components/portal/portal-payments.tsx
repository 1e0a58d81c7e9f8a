import type { RouterOutputs } from '@garage/api';
import { Timestamp } from '~/components/timestamp';
import { moneyIn } from '~/lib/money-of';
import { paymentMethodLabels } from '~/lib/work-order-words';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * The customer's payments on a work order, each in the currency it was paid in: a voided one
 * struck through with the shop's reason, and the refunds given back, oldest first.
 */
export function PortalPayments({ workOrder }: { workOrder: WorkOrder }) {
  const { payments, refunds } = workOrder;
  if (payments.length === 0 && refunds.length === 0) return null;
  const moneyOf = (currency: string) => moneyIn({ currency, locale: workOrder.money.locale });
  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      <ul className="plain">
        {payments.map((payment) => (
          <li key={payment.id} className={payment.voided ? 'voided' : undefined}>
            <Timestamp at={payment.at} />:{' '}
            <span className="amount">{moneyOf(payment.currency)(payment.amountCents)}</span> (
            {paymentMethodLabels[payment.method].toLowerCase()})
            {payment.voided ? (
              <span className="void-note"> Void: {payment.voided.reason}</span>
            ) : null}
          </li>
        ))}
        {refunds.map((refund) => (
          <li key={`refund-${refund.id}`}>
            <Timestamp at={refund.at} />: refunded {moneyOf(refund.currency)(refund.amountCents)} (
            {paymentMethodLabels[refund.method].toLowerCase()}): {refund.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
