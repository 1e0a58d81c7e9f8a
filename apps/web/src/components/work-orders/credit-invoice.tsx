'use client';

import type { RouterOutputs } from '@garage/api';
import { creditInvoiceInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { moneyIn } from '~/lib/money-of';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useTRPC } from '~/trpc/react';
import { ReasonDialog } from './reason-dialog';
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
  // Once credited, the page shows the credit note in place of the invoice (invoice-section).
  const credit = useMutation(trpc.workOrder.creditInvoice.mutationOptions({ onSuccess: written }));
  const form = useFormMutation(credit, { initial: { reason: '' }, fields: ['reason'] });
  const money = moneyIn(workOrder.money);
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            form.dismiss();
            setOpen(true);
          }}
        >
          Credit this invoice
        </button>
      </div>
      <ReasonDialog
        open={open}
        title={`Credit invoice ${workOrder.invoiceNumber ?? ''}?`}
        confirmLabel="Issue the credit note"
        busy={form.busy}
        onConfirm={() =>
          form.send(
            credit.mutate,
            creditInvoiceInput,
            { id: workOrder.id, reason: form.draft.reason },
            { saved: () => setOpen(false) },
          )
        }
        onCancel={() => setOpen(false)}
        formError={form.formError}
        reason={{
          name: 'creditReason',
          hint: 'Why the invoice is wrong: kept on the credit note and in the history',
          ...form.field('reason'),
        }}
      >
        A credit note with the next credit note number cancels invoice {workOrder.invoiceNumber} in
        full ({money(workOrder.totals.totalCents)}). The invoice stays as it was issued. The work
        order goes back to ready, to be corrected and invoiced again under a new number.
        {workOrder.paidCents > 0
          ? ` The ${money(workOrder.paidCents)} already paid stays on the work order and counts toward its next invoice.`
          : ''}
      </ReasonDialog>
    </>
  );
}
