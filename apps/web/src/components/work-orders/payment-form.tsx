'use client';

import type { RouterOutputs } from '@garage/api';
import { addPaymentInput, moneyInputText, parseMoney } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { FormError } from '~/components/form-error';
import { MoneyField } from '~/components/money-field';
import { SubmitButton } from '~/components/submit-button';
import type { FieldErrors } from '~/lib/field-errors';
import { moneyIn } from '~/lib/money-of';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { doneSaying, type PaymentMethod } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { MethodSelect } from './method-select';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * Staff: a payment against the invoice, in the invoice's currency. The API refuses one above
 * the balance, naming the amount; the one that brings the balance to 0 makes the work order paid.
 * A payment taken changes the balance, which gives the section a fresh form from the new one.
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
  const pay = useMutation(
    trpc.workOrder.addPayment.mutationOptions({
      onSuccess: (result) => {
        written(result);
        onTaken(doneSaying('Payment recorded', result.statusMove));
      },
    }),
  );
  const initial: { amount: string; method: PaymentMethod } = {
    amount: moneyInputText(workOrder.balanceCents ?? 0, typed),
    method: 'card',
  };
  const form = useFormMutation(pay, { initial, fields: ['amountCents', 'method'] });

  function submit() {
    onTaken(null);
    const read = parseMoney(form.draft.amount, typed);
    const input = {
      workOrderId: workOrder.id,
      amountCents: 'value' in read ? read.value : undefined,
      method: form.draft.method,
    };
    const unread: FieldErrors = 'problem' in read ? { amountCents: read.problem } : {};
    form.send(pay.mutate, addPaymentInput, input, { unread });
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Add a payment">
      <h3>Add a payment</h3>
      <FormError>{form.formError}</FormError>
      <div className="form-row">
        <MoneyField
          label="Amount"
          name="amount"
          money={typed}
          {...form.field('amount', 'amountCents')}
          hint={`At most the balance due, ${money(workOrder.balanceCents)}`}
          required
        />
        <MethodSelect
          label="Method"
          name="method"
          value={form.draft.method}
          onChange={form.set('method')}
          error={form.fields.method}
        />
      </div>
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel="Recording…">
          Record payment
        </SubmitButton>
      </div>
    </form>
  );
}
