'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { SelectField } from '~/components/select-field';
import { TextField } from '~/components/text-field';
import { moneyToInput, parseMoneyInput } from '~/lib/amount-input';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { moneyIn } from '~/lib/money-of';
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
  const { currency } = workOrder.money;
  const money = moneyIn(workOrder.money);
  const [amount, setAmount] = useState(moneyToInput(workOrder.balanceCents ?? 0, currency));
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [localProblem, setLocalProblem] = useState<string | undefined>();
  const pay = useMutation(
    trpc.workOrder.addPayment.mutationOptions({
      onSuccess: async (result) => {
        await written(result);
        // The next payment starts from what is still owed.
        setAmount(moneyToInput(result.balanceCents ?? 0, currency));
        onTaken(
          result.statusMove
            ? `Payment recorded. The work order is now ${statusLabels[result.statusMove.to].toLowerCase()}.`
            : 'Payment recorded.',
        );
      },
    }),
  );
  const fields = fieldErrorsFrom(pay.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    onTaken(null);
    const parsed = parseMoneyInput(amount, currency);
    if ('problem' in parsed) {
      pay.reset();
      setLocalProblem(parsed.problem);
      return;
    }
    setLocalProblem(undefined);
    pay.mutate({ workOrderId: workOrder.id, amountCents: parsed.value, method });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a payment">
      <h3>Add a payment</h3>
      <p role="alert" className="form-error">
        {localProblem
          ? 'Please fix the highlighted field.'
          : formErrorFrom(pay.error, fields, ['amountCents', 'method'])}
      </p>
      <div className="form-row">
        <TextField
          label="Amount"
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          error={localProblem ?? fields.amountCents}
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
