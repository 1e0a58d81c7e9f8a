'use client';

import type { RouterOutputs } from '@garage/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { TextField } from '~/components/text-field';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { moneyIn } from '~/lib/money-of';
import { useTRPC } from '~/trpc/react';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * Staff: crediting the work order's invoice in full with a credit note, after a confirmation
 * that says what it does and asks why. The invoice itself never changes; the work order goes
 * back to ready to be corrected and invoiced again, and what was paid stays on it.
 */
export function CreditInvoice({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  // Once credited, the page shows the credit note in place of the invoice (invoice-section).
  const credit = useMutation(
    trpc.workOrder.creditInvoice.mutationOptions({
      onSuccess: async (result) => {
        setOpen(false);
        await written(result);
      },
    }),
  );
  const fields = fieldErrorsFrom(credit.error);
  const money = moneyIn(workOrder.money);
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            credit.reset();
            setOpen(true);
          }}
        >
          Credit this invoice
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={`Credit invoice ${workOrder.invoiceNumber ?? ''}?`}
        confirmLabel="Issue the credit note"
        busy={credit.isPending}
        onConfirm={() => credit.mutate({ id: workOrder.id, reason })}
        onCancel={() => setOpen(false)}
      >
        <p>
          A credit note with the next credit note number cancels invoice {workOrder.invoiceNumber}{' '}
          in full ({money(workOrder.totals.totalCents)}). The invoice stays as it was issued. The
          work order goes back to ready, to be corrected and invoiced again under a new number.
          {workOrder.paidCents > 0
            ? ` The ${money(workOrder.paidCents)} already paid stays on the work order and counts toward its next invoice.`
            : ''}
        </p>
        <p role="alert" className="form-error">
          {formErrorFrom(credit.error, fields, ['reason'])}
        </p>
        <TextField
          label="Reason"
          name="creditReason"
          multiline
          value={reason}
          onChange={setReason}
          error={fields.reason}
          hint="Why the invoice is wrong: kept on the credit note and in the history"
          required
        />
      </ConfirmDialog>
    </>
  );
}
