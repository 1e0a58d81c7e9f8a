'use client';

import type { RouterOutputs } from '@garage/api';
import { fits } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SelectField } from '~/components/select-field';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { useTRPC } from '~/trpc/react';
import { useWorkOrderWritten } from './use-work-order-written';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * Inserts a saved job's lines into the work order in one click: the jobs that fit its vehicle;
 * the lines arrive pending, and are edited like typed ones.
 */
export function InsertSavedJob({ workOrder }: { workOrder: WorkOrder }) {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  const jobs = useQuery(trpc.savedJob.list.queryOptions());
  const [chosen, setChosen] = useState('');
  const insert = useMutation(
    trpc.savedJob.insert.mutationOptions({
      onSuccess: (result) => {
        written(result);
        setChosen('');
      },
    }),
  );
  const fitting = (jobs.data ?? []).filter((job) => fits(job, workOrder.vehicle));
  if (fitting.length === 0) return null;
  const fields = fieldErrorsFrom(insert.error);
  const options = [
    { value: '', label: 'Choose a saved job…' },
    ...fitting.map((job) => ({ value: String(job.id), label: job.name })),
  ];
  return (
    <form
      className="card form insert-saved-job"
      aria-label="Insert a saved job"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) insert.mutate({ workOrderId: workOrder.id, savedJobId: Number(chosen) });
      }}
    >
      <div className="form-row">
        <SelectField
          label="Saved job"
          name="savedJobId"
          value={chosen}
          options={options}
          onChange={setChosen}
          error={fields.savedJobId}
        />
        <button type="submit" disabled={!chosen || insert.isPending}>
          {insert.isPending ? 'Inserting…' : 'Insert saved job'}
        </button>
      </div>
      <p role="alert" className="form-error">
        {fields.savedJobId ? null : formErrorFrom(insert.error, fields)}
      </p>
    </form>
  );
}
