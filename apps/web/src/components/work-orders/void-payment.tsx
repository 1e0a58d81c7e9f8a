'use client';

import type { RouterOutputs } from '@garage/api';
import { voidPaymentInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { moneyIn } from '~/lib/money-of';
import { useFormMutation } from '~/lib/use-form-mutation';
import { doneSaying, paymentMethodLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { ReasonDialog } from './reason-dialog';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type Payment = WorkOrder['payments'][number];

/**
 * Staff: voiding a payment taken by mistake, after a confirmation that asks why. The payment
 * stays on record (struck through, with the reason) and no longer counts; a paid work order
 * that then owes again goes back to invoiced.
 */
export function VoidPayment({
  workOrder,
  payment,
  onClose,
}: {
  workOrder: WorkOrder;
  /** The payment to void; null: the dialog is closed. */
  payment: Payment | null;
  onClose: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  const voiding = useMutation(
    trpc.workOrder.voidPayment.mutationOptions({
      onSuccess: (result) => {
        written(result);
        onClose(doneSaying('Payment voided', result.statusMove, true));
      },
    }),
  );
  const form = useFormMutation(voiding, { initial: { reason: '' }, fields: ['reason'] });
  const amount = payment
    ? moneyIn({ currency: payment.currency, locale: workOrder.money.locale })(payment.amountCents)
    : '';
  return (
    <ReasonDialog
      open={payment !== null}
      title={`Void the payment of ${amount}?`}
      confirmLabel="Void payment"
      busy={form.busy}
      onConfirm={() =>
        payment &&
        form.send(
          voiding.mutate,
          voidPaymentInput,
          { paymentId: payment.id, reason: form.draft.reason },
          { saved: () => form.reset() },
        )
      }
      onCancel={() => {
        form.dismiss();
        onClose(null);
      }}
      formError={form.formError}
      reason={{
        name: 'voidReason',
        hint: 'Why it did not happen as recorded (e.g. typed 50 for 0.50)',
        ...form.field('reason'),
      }}
    >
      {payment ? `${paymentMethodLabels[payment.method]}, ${amount}. ` : ''}The payment stays on
      record, struck through with the reason, and no longer counts: the balance goes up by {amount}.
      {workOrder.status === 'paid' ? ' The work order goes back to invoiced.' : ''}
    </ReasonDialog>
  );
}
