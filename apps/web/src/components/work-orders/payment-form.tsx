'use client';

import type { RouterOutputs } from '@garage/api';
import { addPaymentInput, moneyInputText, parseMoney } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MoneyField } from '~/components/money-field';
import { SelectField } from '~/components/select-field';
import { moneyIn } from '~/lib/money-of';
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

export const methodOptions = paymentMethods.map((method) => ({
  value: method,
  label: paymentMethodLabels[method],
}));

/**
 * Staff: a payment against the invoice, in the invoice's currency. The API refuses one above
 * the balance, naming the amount; the one that brings the balance to 0 makes the work order paid.
 */
export function PaymentForm({
  workOrder,
  onTaken,
}: {
  workOrder: WorkOrder;
  onTaken: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  const shop = useShopFormat();
  const money = moneyIn(workOrder.money);
  // Typed in the shop's notation, in the invoice's currency.
  const typed = { currency: workOrder.money.currency, locale: shop.locale };
  const [amount, setAmount] = useState(moneyInputText(workOrder.balanceCents ?? 0, typed));
  const [method, setMethod] = useState<PaymentMethod>('card');
  const pay = useMutation(
    trpc.workOrder.addPayment.mutationOptions({
      onSuccess: async (result) => {
        await written(result);
        // The next payment starts from what is still owed.
        setAmount(moneyInputText(result.balanceCents ?? 0, typed));
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
    const read = parseMoney(amount, typed);
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
          money={typed}
          value={amount}
          onChange={setAmount}
          error={fields.amountCents}
          hint={`At most the balance due, ${money(workOrder.balanceCents)}`}
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
