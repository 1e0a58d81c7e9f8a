'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { TextField } from '~/components/text-field';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { moneyIn } from '~/lib/money-of';
import { paymentMethodLabels, statusLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
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
  const [reason, setReason] = useState('');
  const voiding = useMutation(
    trpc.workOrder.voidPayment.mutationOptions({
      onSuccess: async (result) => {
        setReason('');
        await written(result);
        onClose(
          result.statusMove
            ? `Payment voided. The work order is ${statusLabels[result.statusMove.to].toLowerCase()} again.`
            : 'Payment voided.',
        );
      },
    }),
  );
  const fields = fieldErrorsFrom(voiding.error);
  const amount = payment
    ? moneyIn({ currency: payment.currency, locale: workOrder.money.locale })(payment.amountCents)
    : '';
  return (
    <ConfirmDialog
      open={payment !== null}
      title={`Void the payment of ${amount}?`}
      confirmLabel="Void payment"
      busy={voiding.isPending}
      onConfirm={() => payment && voiding.mutate({ paymentId: payment.id, reason })}
      onCancel={() => {
        voiding.reset();
        onClose(null);
      }}
    >
      <p>
        {payment ? `${paymentMethodLabels[payment.method]}, ${amount}. ` : ''}The payment stays on
        record, struck through with the reason, and no longer counts: the balance goes up by{' '}
        {amount}.{workOrder.status === 'paid' ? ' The work order goes back to invoiced.' : ''}
      </p>
      <p role="alert" className="form-error">
        {formErrorFrom(voiding.error, fields, ['reason'])}
      </p>
      <TextField
        label="Reason"
        name="voidReason"
        multiline
        value={reason}
        onChange={setReason}
        error={fields.reason}
        hint="Why it did not happen as recorded (e.g. typed 50 for 0.50)"
        required
      />
    </ConfirmDialog>
  );
}
