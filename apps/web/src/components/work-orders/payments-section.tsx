'use client';

import type { RouterOutputs } from '@garage/api';
import { addPaymentInput, moneyInputText, parseMoney } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MoneyField } from '~/components/money-field';
import { Empty } from '~/components/query-state';
import { SelectField } from '~/components/select-field';
import { Timestamp } from '~/components/timestamp';
import { useFormCheck } from '~/lib/use-form-check';
import { useShopFormat } from '~/lib/use-shop-format';
import {
  isPaymentMethod,
  type PaymentMethod,
  paymentMethodLabels,
  paymentMethods,
  statusLabels,
} from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];

const methodOptions = paymentMethods.map((method) => ({
  value: method,
  label: paymentMethodLabels[method],
}));

/**
 * Staff, once a work order is invoiced: the payments taken (when, how, who), the balance due,
 * and a form for the next one. The API refuses a payment above the balance, naming the amount;
 * the one that brings the balance to 0 makes the work order paid.
 */
export function PaymentsSection({ workOrder }: { workOrder: WorkOrder }) {
  const format = useShopFormat();
  // Kept here, not in the form: the payment that makes the work order paid removes the form.
  const [taken, setTaken] = useState<string | null>(null);
  if (workOrder.invoiceNumber === null) return null;
  const { payments } = workOrder;
  return (
    <section className="card" aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      {payments.length === 0 ? (
        <Empty>No payment taken yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Method</th>
                <th scope="col">Taken by</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {payments.map((payment) => (
                <tr key={payment.id}>
                  <td>
                    <Timestamp at={payment.at} />
                  </td>
                  <td>{paymentMethodLabels[payment.method]}</td>
                  <td>{payment.recordedBy?.name ?? <span className="muted">unknown</span>}</td>
                  <td className="num">{format.money(payment.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="details totals" aria-label="Balance">
        <dt>Total</dt>
        <dd className="num">{format.money(workOrder.totals.totalCents)}</dd>
        <dt>Paid</dt>
        <dd className="num">{format.money(workOrder.paidCents)}</dd>
        <dt>Balance due</dt>
        <dd className="num">
          <strong>{format.money(workOrder.balanceCents)}</strong>
        </dd>
      </dl>
      {workOrder.status === 'invoiced' ? (
        <PaymentForm workOrder={workOrder} onTaken={setTaken} />
      ) : (
        <p className="muted">
          This work order is {statusLabels[workOrder.status].toLowerCase()}: it takes no more
          payments.
        </p>
      )}
      <p role="status">{taken}</p>
    </section>
  );
}

function PaymentForm({
  workOrder,
  onTaken,
}: {
  workOrder: WorkOrder;
  onTaken: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const format = useShopFormat();
  const written = useWorkOrderWritten();
  const [amount, setAmount] = useState(moneyInputText(workOrder.balanceCents, format.moneyFormat));
  const [method, setMethod] = useState<PaymentMethod>('card');
  const pay = useMutation(
    trpc.workOrder.addPayment.mutationOptions({
      onSuccess: async (result) => {
        await written(result);
        // The next payment starts from what is still owed.
        setAmount(moneyInputText(result.balanceCents, format.moneyFormat));
        onTaken(
          result.statusMove
            ? `Payment recorded. The work order is now ${statusLabels[result.statusMove.to].toLowerCase()}.`
            : 'Payment recorded.',
        );
      },
    }),
  );
  const { fields, formError, check } = useFormCheck(pay, ['amountCents', 'method']);

  function submit(event: FormEvent) {
    event.preventDefault();
    onTaken(null);
    const read = parseMoney(amount, format.moneyFormat);
    const input = check(
      addPaymentInput,
      { workOrderId: workOrder.id, amountCents: 'value' in read ? read.value : undefined, method },
      'problem' in read ? { amountCents: read.problem } : {},
    );
    if (input) pay.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a payment">
      <h3>Add a payment</h3>
      <p role="alert" className="form-error">
        {formError}
      </p>
      <div className="form-row">
        <MoneyField
          label="Amount"
          name="amount"
          money={format.moneyFormat}
          value={amount}
          onChange={setAmount}
          error={fields.amountCents}
          hint={`At most the balance due, ${format.money(workOrder.balanceCents)}`}
          required
        />
        <SelectField
          label="Method"
          name="method"
          value={method}
          options={methodOptions}
          onChange={(value) => {
            if (isPaymentMethod(value)) setMethod(value);
          }}
          error={fields.method}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={pay.isPending}>
          {pay.isPending ? 'Recording…' : 'Record payment'}
        </button>
      </div>
    </form>
  );
}
