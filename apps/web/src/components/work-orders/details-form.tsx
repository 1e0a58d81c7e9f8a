'use client';

import type { RouterOutputs } from '@garage/api';
import { workOrderUpdateInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { parseId } from '~/lib/ids';
import { useFormCheck } from '~/lib/use-form-check';
import { useShopFormat } from '~/lib/use-shop-format';
import { fromWallClockInput, toWallClockInput } from '~/lib/zoned-time';
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
  const [concern, setConcern] = useState(workOrder.concern);
  const [notes, setNotes] = useState(workOrder.notes ?? '');
  const [technician, setTechnician] = useState(
    workOrder.technician ? String(workOrder.technician.id) : '',
  );
  const [promised, setPromised] = useState(
    workOrder.promisedAt ? toWallClockInput(workOrder.promisedAt, format.timeZone) : '',
  );
  const [saved, setSaved] = useState(false);
  const values: DetailsValues = { concern, notes, technician, promised };
  const update = useMutation(
    trpc.workOrder.update.mutationOptions({
      onSuccess: (result) => {
        written(result);
        versioned.saved(result.version, values);
        setSaved(true);
      },
    }),
  );
  const { fields, formError, check } = useFormCheck(update, detailsFields);
  const save = (typed: DetailsValues, onVersion: number) => {
    setSaved(false);
    const input = check(workOrderUpdateInput, {
      id: workOrder.id,
      version: onVersion,
      concern: typed.concern,
      notes: typed.notes,
      technicianId: parseId(typed.technician),
      promisedAt: fromWallClockInput(typed.promised, format.timeZone),
    });
    if (input) update.mutate(input);
  };
  const versioned = useVersionConflict({
    record: { version: workOrder.version, values: detailsValues(workOrder, format.timeZone) },
    values,
    error: update.error,
    read: readDetails(format),
    apply: (next) => {
      setConcern(next.concern);
      setNotes(next.notes);
      setTechnician(next.technician);
      setPromised(next.promised);
    },
    save,
    dismiss: update.reset,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save(values, versioned.version);
  }

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
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">Concern and notes</h2>
      <form onSubmit={submit} noValidate aria-labelledby="details-title">
        <p role="alert" className="form-error">
          {versioned.conflict ? null : formError}
        </p>
        <ConflictNotice what="work order" busy={update.isPending} {...versioned.notice} />
        <TextField
          label="Concern"
          name="concern"
          multiline
          value={concern}
          onChange={setConcern}
          error={fields.concern}
          hint="The customer's words"
          required
        />
        <Theirs conflict={versioned.conflict} field="concern" />
        <TextField
          label="Notes"
          name="notes"
          multiline
          value={notes}
          onChange={setNotes}
          error={fields.notes}
          hint="For the shop; customers do not see them"
        />
        <Theirs conflict={versioned.conflict} field="notes" />
        <div className="form-row">
          <TechnicianSelect
            value={technician}
            onChange={setTechnician}
            noneLabel="Unassigned"
            error={fields.technicianId}
          />
          <TextField
            label="Promised"
            name="promisedAt"
            type="datetime-local"
            value={promised}
            onChange={setPromised}
            error={fields.promisedAt}
            hint={`Shop time (${format.timeZone})`}
          />
        </div>
        <Theirs conflict={versioned.conflict} field="technician" label="Technician" />
        <Theirs conflict={versioned.conflict} field="promised" label="Promised" />
        <div className="actions">
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save details'}
          </button>
        </div>
        <p role="status">{saved && !update.isPending ? 'Saved.' : null}</p>
      </form>
    </section>
  );
}
