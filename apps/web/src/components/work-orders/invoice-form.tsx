'use client';

import type { RouterInputs, RouterOutputs } from '@garage/api';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { TextField } from '~/components/text-field';
import { parseWholeInput } from '~/lib/amount-input';
import { type FieldErrors, fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { formatMileage } from '~/lib/format';
import { moneyIn } from '~/lib/money-of';
import { useShopFormat } from '~/lib/use-shop-format';
import { statusLabels } from '~/lib/work-order-words';
import { fromShopDateInput } from '~/lib/zoned-time';
import { useTRPC } from '~/trpc/react';
import { InvoiceSummary } from './invoice-summary';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];
type NextService = NonNullable<RouterInputs['workOrder']['invoice']['nextService']>;

/**
 * Staff: invoicing a ready work order, optionally with the vehicle's next service. The fields
 * are checked first; then a confirmation shows what will be invoiced, what will not, the total
 * and what gets locked, and only its confirm button invoices. Cancel leaves everything as it was.
 */
export function InvoiceForm({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const format = useShopFormat();
  const written = useWorkOrderWritten();
  const [mileage, setMileage] = useState('');
  const [date, setDate] = useState('');
  const [local, setLocal] = useState<FieldErrors>({});
  // The request the confirmation is about: set once the fields are read.
  const [confirming, setConfirming] = useState<RouterInputs['workOrder']['invoice'] | null>(null);
  const invoice = useMutation(
    trpc.workOrder.invoice.mutationOptions({
      onSuccess: async (result) => {
        setConfirming(null);
        await written(result);
      },
      onError: () => setConfirming(null),
    }),
  );
  // Both fields are checked here first; what the API still refuses of them it names as
  // `nextService`, spelled out above the form.
  const formError =
    Object.keys(local).length > 0
      ? 'Please fix the highlighted fields.'
      : formErrorFrom(invoice.error, fieldErrorsFrom(invoice.error), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const nextService: NextService = {};
    const problems: FieldErrors = {};
    if (mileage.trim() !== '') {
      const reading = parseWholeInput(mileage);
      if ('problem' in reading) problems.mileage = reading.problem;
      else nextService.mileage = reading.value;
    }
    if (date.trim() !== '') {
      const day = fromShopDateInput(date, format.timeZone);
      if (day === null) problems.date = 'must be a date';
      else nextService.date = day;
    }
    setLocal(problems);
    invoice.reset();
    if (Object.keys(problems).length > 0) return;
    const given = nextService.mileage !== undefined || nextService.date !== undefined;
    setConfirming({ id: workOrder.id, ...(given ? { nextService } : {}) });
  }

  return (
    <section className="card" aria-labelledby="invoice-title">
      <h2 id="invoice-title">Invoice</h2>
      <form onSubmit={submit} noValidate aria-labelledby="invoice-title">
        <p className="muted">
          The work order is {statusLabels[workOrder.status].toLowerCase()}. Invoicing locks its
          lines and gives it the next invoice number; the total due is{' '}
          {moneyIn(workOrder.money)(workOrder.totals.totalCents)}.
        </p>
        <p role="alert" className="form-error">
          {formError}
        </p>
        <fieldset className="field">
          <legend>Next service (optional): whichever comes first</legend>
          <div className="form-row">
            <TextField
              label="Next service mileage"
              name="nextServiceMileage"
              inputMode="numeric"
              value={mileage}
              onChange={setMileage}
              error={local.mileage}
              hint={`Miles on the odometer (now ${formatMileage(workOrder.odometerOut ?? workOrder.odometerIn)})`}
            />
            <TextField
              label="Next service date"
              name="nextServiceDate"
              type="date"
              value={date}
              onChange={setDate}
              error={local.date}
              hint={`A day on the shop's calendar (${format.timeZone})`}
            />
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={invoice.isPending}>
            {invoice.isPending ? 'Invoicing…' : 'Invoice'}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming !== null}
        title={`Invoice ${workOrder.number}?`}
        confirmLabel="Issue the invoice"
        busy={invoice.isPending}
        onConfirm={() => confirming && invoice.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <InvoiceSummary workOrder={workOrder} nextService={confirming?.nextService} />
      </ConfirmDialog>
    </section>
  );
}
