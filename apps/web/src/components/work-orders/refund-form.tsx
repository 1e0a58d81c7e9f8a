'use client';

import type { RouterInputs, RouterOutputs } from '@garage/api';
import { parseMoney, refundInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { FormError } from '~/components/form-error';
import { MoneyField } from '~/components/money-field';
import { SelectField } from '~/components/select-field';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { formatDate } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { doneSaying, type PaymentMethod, paymentMethodLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { MethodSelect } from './method-select';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type RefundRequest = RouterInputs['workOrder']['refund'];

const wholeWorkOrder = 'work-order';

/** What the form holds: of what (a payment's id, or the whole), how much, how and why. */
interface RefundDraft {
  of: string;
  amount: string;
  method: PaymentMethod;
  reason: string;
}

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
  const [confirming, setConfirming] = useState<RefundRequest | null>(null);
  const refund = useMutation(
    trpc.workOrder.refund.mutationOptions({
      onSuccess: (result) => {
        written(result);
        onDone(doneSaying('Refund recorded', result.statusMove, true));
      },
      onSettled: () => setConfirming(null),
    }),
  );
  const initial: RefundDraft = { of: wholeWorkOrder, amount: '', method: 'card', reason: '' };
  const form = useFormMutation(refund, {
    initial,
    fields: ['amountCents', 'method', 'paymentId', 'reason'],
  });
  const { draft } = form;
  const payment = workOrder.payments.find((each) => String(each.id) === draft.of);
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

  /** Checks the refund, then asks to confirm it: only the confirmation sends it. */
  function submit() {
    onDone(null);
    const read = parseMoney(draft.amount, typed);
    const input = form.check(
      refundInput,
      {
        workOrderId: workOrder.id,
        ...(payment ? { paymentId: payment.id } : {}),
        amountCents: 'value' in read ? read.value : undefined,
        method: draft.method,
        reason: draft.reason,
      },
      'problem' in read ? { amountCents: read.problem } : {},
    );
    if (input) setConfirming(input);
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Record a refund">
      <h3>Record a refund</h3>
      <FormError>{form.formError}</FormError>
      <div className="form-row">
        <SelectField
          label="Refund of"
          name="refundOf"
          options={options}
          {...form.field('of', 'paymentId')}
        />
        <MoneyField
          label="Refund amount"
          name="refundAmount"
          money={typed}
          {...form.field('amount', 'amountCents')}
          hint={`At most ${money(limit)}, what is left of it`}
          required
        />
        <MethodSelect
          label="Refunded by"
          name="refundMethod"
          value={draft.method}
          onChange={form.set('method')}
          error={form.fields.method}
        />
      </div>
      <TextField
        label="Refund reason"
        name="refundReason"
        multiline
        {...form.field('reason')}
        required
      />
      <div className="actions">
        <SubmitButton busy={form.busy} className="secondary">
          Refund…
        </SubmitButton>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={`Refund ${money(confirming?.amountCents ?? 0)}?`}
        confirmLabel="Record the refund"
        busy={form.busy}
        onConfirm={() => confirming && refund.mutate(confirming, { onSuccess: () => form.reset() })}
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
