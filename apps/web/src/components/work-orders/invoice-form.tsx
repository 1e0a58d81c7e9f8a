'use client';

import type { RouterInputs, RouterOutputs } from '@garage/api';
import { invoiceInput, isCalendarDate } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { FormError } from '~/components/form-error';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { parseWholeInput } from '~/lib/amount-input';
import type { FieldErrors } from '~/lib/field-errors';
import { formatMileage } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { statusLabels } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { InvoiceSummary } from './invoice-summary';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * Staff: invoicing a ready work order, optionally with the vehicle's next service. The fields
 * are checked first; then a confirmation shows what will be invoiced, what will not, the total
 * and what gets locked, and only its confirm button invoices. Cancel leaves everything as it was.
 */
export function InvoiceForm({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const format = useShopFormat();
  const written = useWorkOrderWritten();
  // The request the confirmation is about: set once the fields are read.
  const [confirming, setConfirming] = useState<RouterInputs['workOrder']['invoice'] | null>(null);
  const invoice = useMutation(
    trpc.workOrder.invoice.mutationOptions({
      onSuccess: written,
      onSettled: () => setConfirming(null),
    }),
  );
  // Both fields are checked here first, by their paths; the API still refuses a mileage the
  // vehicle has already reached (shown at the mileage) and names anything else above the form.
  const form = useFormMutation(invoice, {
    initial: { mileage: '', date: '' },
    fields: ['nextService.mileage', 'nextService.date'],
  });

  /** Reads the next service, then asks to confirm: only the confirmation invoices. */
  function submit() {
    const { mileage, date } = form.draft;
    const nextService: { mileage?: number; date?: string } = {};
    const unread: FieldErrors = {};
    if (mileage.trim() !== '') {
      const reading = parseWholeInput(mileage, format.locale);
      if ('problem' in reading) unread['nextService.mileage'] = reading.problem;
      else nextService.mileage = reading.value;
    }
    // A calendar day, sent as the field holds it ("2026-12-28"): no time zone can move it.
    const day = date.trim();
    if (day !== '') {
      if (isCalendarDate(day)) nextService.date = day;
      else unread['nextService.date'] = 'must be a date';
    }
    const given = nextService.mileage !== undefined || nextService.date !== undefined;
    const input = form.check(
      invoiceInput,
      { id: workOrder.id, ...(given ? { nextService } : {}) },
      unread,
    );
    if (input) setConfirming(input);
  }

  return (
    <section className="card" aria-labelledby="invoice-title">
      <h2 id="invoice-title">Invoice</h2>
      <form onSubmit={form.onSubmit(submit)} noValidate aria-labelledby="invoice-title">
        <p className="muted">
          The work order is {statusLabels[workOrder.status].toLowerCase()}. Invoicing locks its
          lines and gives it the next invoice number; the total due is{' '}
          {moneyIn(workOrder.money)(workOrder.totals.totalCents)}.
        </p>
        <FormError>{form.formError}</FormError>
        <fieldset className="field">
          <legend>Next service (optional): whichever comes first</legend>
          <div className="form-row">
            <TextField
              label="Next service mileage"
              name="nextServiceMileage"
              inputMode="numeric"
              {...form.field('mileage', 'nextService.mileage')}
              hint={`Miles on the odometer (now ${formatMileage(workOrder.odometerOut ?? workOrder.odometerIn)})`}
            />
            <TextField
              label="Next service date"
              name="nextServiceDate"
              type="date"
              {...form.field('date', 'nextService.date')}
              hint="The day it is due by"
            />
          </div>
        </fieldset>
        <div className="actions">
          <SubmitButton busy={form.busy} busyLabel="Invoicing…">
            Invoice
          </SubmitButton>
        </div>
      </form>
      <ConfirmDialog
        open={confirming !== null}
        title={`Invoice ${workOrder.number}?`}
        confirmLabel="Issue the invoice"
        busy={form.busy}
        onConfirm={() => confirming && invoice.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <InvoiceSummary workOrder={workOrder} nextService={confirming?.nextService} />
      </ConfirmDialog>
    </section>
  );
}
