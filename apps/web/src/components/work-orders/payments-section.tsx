'use client';

import type { RouterOutputs } from '@garage/api';
import { useState } from 'react';
import { type Column, DataTable } from '~/components/data-table';
import { Timestamp } from '~/components/timestamp';
import { moneyIn } from '~/lib/money-of';
import { paymentMethodLabels, statusLabels } from '~/lib/work-order-words';
import { Amounts } from './amounts';
import { PaymentForm } from './payment-form';
import { RefundForm } from './refund-form';
import { RefundsTable } from './refunds-table';
import { VoidPayment } from './void-payment';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Payment = WorkOrder['payments'][number];

/** When, how (and, voided, why, by whom, when), who took it, how much: in its own currency. */
function paymentColumns(locale: string | null): Column<Payment>[] {
  return [
    { header: 'When', cell: (payment) => <Timestamp at={payment.at} /> },
    {
      header: 'Method',
      cell: ({ method, voided }) => (
        <>
          {paymentMethodLabels[method]}
          {voided ? (
            <small className="void-note">
              Void: {voided.reason} ({voided.by?.name ?? 'unknown'}, <Timestamp at={voided.at} />)
            </small>
          ) : null}
        </>
      ),
    },
    {
      header: 'Taken by',
      cell: (payment) => payment.recordedBy?.name ?? <span className="muted">unknown</span>,
    },
    {
      header: 'Amount',
      cell: (payment) => moneyIn({ currency: payment.currency, locale })(payment.amountCents),
      numeric: true,
      className: 'amount',
    },
  ];
}

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
  const hasInvoice = workOrder.invoiceNumber !== null;
  if (!hasInvoice && payments.length === 0) return null;
  const money = moneyIn(workOrder.money);
  const refunded = new Set(refunds.map((refund) => refund.paymentId));
  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      {hasInvoice ? null : (
        <p className="muted">
          Taken on a credited invoice: they stay on the work order and count toward its next
          invoice, unless refunded.
        </p>
      )}
      <DataTable
        columns={[
          ...paymentColumns(workOrder.money.locale),
          {
            header: 'Actions',
            cell: (payment) =>
              payment.voided || refunded.has(payment.id) ? null : (
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
              ),
          },
        ]}
        rows={payments}
        rowKey={(payment) => payment.id}
        rowLabel={(payment) => `Payment ${payment.id}`}
        rowClass={(payment) => (payment.voided ? 'voided' : undefined)}
        className="payments"
        empty="No payment taken yet."
      />
      <RefundsTable workOrder={workOrder} />
      <Amounts
        label="Balance"
        money={money}
        amounts={[
          hasInvoice && { term: 'Total', cents: workOrder.totals.totalCents },
          { term: 'Paid', cents: workOrder.paidCents },
          hasInvoice && { term: 'Balance due', cents: workOrder.balanceCents, strong: true },
        ]}
      />
      {workOrder.status === 'invoiced' ? (
        // Fresh, from the new balance, when a void or refund moved it.
        <PaymentForm key={workOrder.balanceCents} workOrder={workOrder} onTaken={setMessage} />
      ) : hasInvoice ? (
        <p className="muted">
          This work order is {statusLabels[workOrder.status].toLowerCase()}: it takes no more
          payments.
        </p>
      ) : null}
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
