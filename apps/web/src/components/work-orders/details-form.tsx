'use client';

import type { RouterOutputs } from '@garage/api';
import { workOrderUpdateInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '~/components/form-error';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { parseId } from '~/lib/ids';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { fromWallClockInput } from '~/lib/zoned-time';
import { useTRPC } from '~/trpc/react';
import { type DetailsValues, detailsValues, readDetails } from './details-conflict';
import { TechnicianSelect } from './technician-select';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];

// The inputs' fields, by the API's names (the server's errors land on them).
const detailsFields = ['concern', 'notes', 'technicianId', 'promisedAt'];

/** The concern (the customer's words), the shop's notes, the technician and the promised time. */
export function DetailsForm({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const format = useShopFormat();
  const written = useWorkOrderWritten();
  const [saved, setSaved] = useState(false);
  const update = useMutation(trpc.workOrder.update.mutationOptions({ onSuccess: written }));
  const form = useFormMutation(update, {
    initial: detailsValues(workOrder, format.timeZone),
    fields: detailsFields,
  });
  const save = (typed: DetailsValues, onVersion: number) => {
    setSaved(false);
    const changes = {
      id: workOrder.id,
      version: onVersion,
      concern: typed.concern,
      notes: typed.notes,
      technicianId: parseId(typed.technician),
      promisedAt: fromWallClockInput(typed.promised, format.timeZone),
    };
    form.send(update.mutate, workOrderUpdateInput, changes, {
      saved: (result) => {
        versioned.saved(result.version, typed);
        setSaved(true);
      },
    });
  };
  const versioned = useVersionConflict({
    record: { version: workOrder.version, values: detailsValues(workOrder, format.timeZone) },
    values: form.draft,
    error: update.error,
    read: readDetails(format),
    apply: form.setDraft,
    save,
    dismiss: update.reset,
  });

  if (!workOrder.editable) {
    return (
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Concern and notes</h2>
        <dl className="details">
          <dt>Concern</dt>
          <dd className="pre-line">{workOrder.concern}</dd>
          <dt>Notes</dt>
          <dd className="pre-line">{workOrder.notes ?? <span className="muted">none</span>}</dd>
        </dl>
      </section>
    );
  }
  const theirs = (field: keyof DetailsValues, label?: string) => (
    <Theirs conflict={versioned.conflict} field={field} label={label} />
  );
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">Concern and notes</h2>
      <form
        onSubmit={form.onSubmit(() => save(form.draft, versioned.version))}
        noValidate
        aria-labelledby="details-title"
      >
        <FormError>{versioned.conflict ? null : form.formError}</FormError>
        <ConflictNotice what="work order" busy={form.busy} {...versioned.notice} />
        <TextField
          label="Concern"
          name="concern"
          multiline
          {...form.field('concern')}
          hint="The customer's words"
          required
        />
        {theirs('concern')}
        <TextField
          label="Notes"
          name="notes"
          multiline
          {...form.field('notes')}
          hint="For the shop; customers do not see them"
        />
        {theirs('notes')}
        <div className="form-row">
          <TechnicianSelect {...form.field('technician', 'technicianId')} noneLabel="Unassigned" />
          <TextField
            label="Promised"
            name="promisedAt"
            type="datetime-local"
            {...form.field('promised', 'promisedAt')}
            hint={`Shop time (${format.timeZone})`}
          />
        </div>
        {theirs('technician', 'Technician')}
        {theirs('promised', 'Promised')}
        <div className="actions">
          <SubmitButton busy={form.busy}>Save details</SubmitButton>
        </div>
        <p role="status">{saved && !form.busy ? 'Saved.' : null}</p>
      </form>
    </section>
  );
}
