'use client';

import type { RouterOutputs } from '@garage/api';
import { useState } from 'react';
import { Empty } from '~/components/query-state';
import { Timestamp } from '~/components/timestamp';
import { moneyIn } from '~/lib/money-of';
import { paymentMethodLabels, statusLabels } from '~/lib/work-order-words';
import { PaymentForm } from './payment-form';
import { RefundForm } from './refund-form';
import { RefundsTable } from './refunds-table';
import { VoidPayment } from './void-payment';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Payment = WorkOrder['payments'][number];

/**
 * Staff, once a work order is invoiced (or while payments from a credited invoice stay on it):
 * the payments taken (when, how, who; a voided one struck through with who voided it, when and
 * why), the refunds, what was paid net of them, the balance due, and the forms for the next
 * payment and a refund. Each payment in the currency it was taken in.
 */
export function PaymentsSection({ workOrder }: { workOrder: WorkOrder }) {
  // Kept here, not in the forms: the payment that makes the work order paid removes its form.
  const [message, setMessage] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<Payment | null>(null);
  const { payments, refunds } = workOrder;
  if (workOrder.invoiceNumber === null && payments.length === 0) return null;
  const money = moneyIn(workOrder.money);
  const paymentMoney = (payment: { currency: string }) =>
    moneyIn({ currency: payment.currency, locale: workOrder.money.locale });
  const refunded = new Set(refunds.map((refund) => refund.paymentId));
  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      {workOrder.invoiceNumber === null ? (
        <p className="muted">
          Taken on a credited invoice: they stay on the work order and count toward its next
          invoice, unless refunded.
        </p>
      ) : null}
      {payments.length === 0 ? (
        <Empty>No payment taken yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="payments">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Method</th>
                <th scope="col">Taken by</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((payment) => (
                <tr
                  key={payment.id}
                  className={payment.voided ? 'voided' : undefined}
                  aria-label={`Payment ${payment.id}`}
                >
                  <td>
                    <Timestamp at={payment.at} />
                  </td>
                  <td>
                    {paymentMethodLabels[payment.method]}
                    {payment.voided ? (
                      <small className="void-note">
                        Void: {payment.voided.reason} ({payment.voided.by?.name ?? 'unknown'},{' '}
                        <Timestamp at={payment.voided.at} />)
                      </small>
                    ) : null}
                  </td>
                  <td>{payment.recordedBy?.name ?? <span className="muted">unknown</span>}</td>
                  <td className="num amount">{paymentMoney(payment)(payment.amountCents)}</td>
                  <td>
                    {payment.voided || refunded.has(payment.id) ? null : (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Void payment ${payment.id}`}
                        onClick={() => {
                          setMessage(null);
                          setVoiding(payment);
                        }}
                      >
                        Void
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RefundsTable workOrder={workOrder} />
      <dl className="details totals" aria-label="Balance">
        {workOrder.invoiceNumber === null ? null : (
          <>
            <dt>Total</dt>
            <dd className="num">{money(workOrder.totals.totalCents)}</dd>
          </>
        )}
        <dt>Paid</dt>
        <dd className="num">{money(workOrder.paidCents)}</dd>
        {workOrder.invoiceNumber === null ? null : (
          <>
            <dt>Balance due</dt>
            <dd className="num">
              <strong>{money(workOrder.balanceCents)}</strong>
            </dd>
          </>
        )}
      </dl>
      {workOrder.status === 'invoiced' ? (
        // Fresh, from the new balance, when a void or refund moved it.
        <PaymentForm key={workOrder.balanceCents} workOrder={workOrder} onTaken={setMessage} />
      ) : workOrder.invoiceNumber === null ? null : (
        <p className="muted">
          This work order is {statusLabels[workOrder.status].toLowerCase()}: it takes no more
          payments.
        </p>
      )}
      {workOrder.refundableCents > 0 ? (
        <RefundForm key={workOrder.refundableCents} workOrder={workOrder} onDone={setMessage} />
      ) : null}
      <p role="status">{message}</p>
      <VoidPayment
        workOrder={workOrder}
        payment={voiding}
        onClose={(done) => {
          setVoiding(null);
          setMessage(done);
        }}
      />
    </section>
  );
}
