'use client';

import type { RouterInputs, RouterOutputs } from '@garage/api';
import { parseMoney, refundInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { MoneyField } from '~/components/money-field';
import { SelectField } from '~/components/select-field';
import { TextField } from '~/components/text-field';
import { formatDate } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { useFormCheck } from '~/lib/use-form-check';
import { useShopFormat } from '~/lib/use-shop-format';
import {
  isPaymentMethod,
  type PaymentMethod,
  paymentMethodLabels,
  statusLabels,
} from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { methodOptions } from './payment-form';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type RefundRequest = RouterInputs['workOrder']['refund'];

const wholeWorkOrder = 'work-order';

/**
 * Staff: money given back, against one payment or the work order as a whole, never more than
 * what is left of it (the API refuses more, naming the amount). A confirmation repeats it
 * before anything is recorded; a paid work order that then owes again goes back to invoiced.
 */
export function RefundForm({
  workOrder,
  onDone,
}: {
  workOrder: WorkOrder;
  onDone: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  const shop = useShopFormat();
  const refundable = workOrder.payments.filter((payment) => payment.refundableCents > 0);
  const [of, setOf] = useState(wholeWorkOrder);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState<RefundRequest | null>(null);
  const refund = useMutation(
    trpc.workOrder.refund.mutationOptions({
      onSuccess: async (result) => {
        setConfirming(null);
        setAmount('');
        setReason('');
        setOf(wholeWorkOrder);
        await written(result);
        onDone(
          result.statusMove
            ? `Refund recorded. The work order is ${statusLabels[result.statusMove.to].toLowerCase()} again.`
            : 'Refund recorded.',
        );
      },
      onError: () => setConfirming(null),
    }),
  );
  const { fields, formError, check } = useFormCheck(refund, [
    'amountCents',
    'method',
    'paymentId',
    'reason',
  ]);
  const payment = workOrder.payments.find((each) => String(each.id) === of);
  const currency = payment?.currency ?? workOrder.payments[0]?.currency ?? workOrder.money.currency;
  const money = moneyIn({ currency, locale: workOrder.money.locale });
  // Typed in the shop's notation, in the currency of what is refunded.
  const typed = { currency, locale: shop.locale };
  const limit = payment?.refundableCents ?? workOrder.refundableCents;
  const options = [
    { value: wholeWorkOrder, label: 'The work order as a whole' },
    ...refundable.map((each) => ({
      value: String(each.id),
      label: `The ${paymentMethodLabels[each.method].toLowerCase()} payment of ${formatDate(each.at, shop.timeZone)} (${money(each.amountCents)})`,
    })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    onDone(null);
    const read = parseMoney(amount, typed);
    const input = check(
      refundInput,
      {
        workOrderId: workOrder.id,
        ...(payment ? { paymentId: payment.id } : {}),
        amountCents: 'value' in read ? read.value : undefined,
        method,
        reason,
      },
      'problem' in read ? { amountCents: read.problem } : {},
    );
    if (input) setConfirming(input);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Record a refund">
      <h3>Record a refund</h3>
      <p role="alert" className="form-error">
        {formError}
      </p>
      <div className="form-row">
        <SelectField
          label="Refund of"
          name="refundOf"
          value={of}
          options={options}
          onChange={setOf}
          error={fields.paymentId}
        />
        <MoneyField
          label="Refund amount"
          name="refundAmount"
          money={typed}
          value={amount}
          onChange={setAmount}
          error={fields.amountCents}
          hint={`At most ${money(limit)}, what is left of it`}
          required
        />
        <SelectField
          label="Refunded by"
          name="refundMethod"
          value={method}
          options={methodOptions}
          onChange={(value) => {
            if (isPaymentMethod(value)) setMethod(value);
          }}
          error={fields.method}
        />
      </div>
      <TextField
        label="Refund reason"
        name="refundReason"
        multiline
        value={reason}
        onChange={setReason}
        error={fields.reason}
        required
      />
      <div className="actions">
        <button type="submit" className="secondary" disabled={refund.isPending}>
          Refund…
        </button>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={`Refund ${money(confirming?.amountCents ?? 0)}?`}
        confirmLabel="Record the refund"
        busy={refund.isPending}
        onConfirm={() => confirming && refund.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming ? (
          <p>
            {money(confirming.amountCents)} given back by{' '}
            {paymentMethodLabels[confirming.method].toLowerCase()},{' '}
            {payment ? 'of the selected payment' : 'of the work order as a whole'}:{' '}
            {confirming.reason}. It is recorded with your name and stays on the work order; the
            balance goes up by as much.
          </p>
        ) : null}
      </ConfirmDialog>
    </form>
  );
}
