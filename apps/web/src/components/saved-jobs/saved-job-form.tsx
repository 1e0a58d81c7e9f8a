'use client';

import type { RouterOutputs } from '@garage/api';
import { savedJobCreateInput, savedJobUpdateInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MoneyField } from '~/components/money-field';
import { RemoveRowButton } from '~/components/remove-row-button';
import { SelectField } from '~/components/select-field';
import { TextField } from '~/components/text-field';
import { changeRow, withoutRow } from '~/lib/rows';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { isLineKind, kindLabels, lineKinds } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { blankJob, blankJobLine, readJobDraft, type SavedJobDraft } from './saved-job-draft';

type SavedJob = RouterOutputs['savedJob']['list'][number];

const fieldNames = ['name', 'make', 'model', 'yearFrom', 'yearTo', 'lines'];
const kindOptions = lineKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }));

/** Creates a saved job, or edits one (`job`): its name, optional fitment and priced lines. */
export function SavedJobForm({
  job,
  initial,
  onDone,
}: {
  job?: SavedJob;
  initial: SavedJobDraft;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const format = useShopFormat();
  const [draft, setDraft] = useState(initial);
  const create = useMutation(
    trpc.savedJob.create.mutationOptions({
      onSuccess: () => {
        setDraft(blankJob());
        onDone();
      },
    }),
  );
  const update = useMutation(trpc.savedJob.update.mutationOptions({ onSuccess: onDone }));
  const mutation = job ? update : create;
  const { fields, formError, check } = useFormMutation(mutation, {
    initial: {},
    fields: fieldNames,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { fields: typed, unread } = readJobDraft(draft, format.moneyFormat);
    if (job) {
      const input = check(
        savedJobUpdateInput,
        { id: job.id, version: job.version, ...typed },
        unread,
      );
      if (input) update.mutate(input);
    } else {
      const input = check(savedJobCreateInput, typed, unread);
      if (input) create.mutate(input);
    }
  }

  const set = (key: Exclude<keyof SavedJobDraft, 'lines'>) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setLine = (index: number, key: keyof SavedJobDraft['lines'][number]) => (value: string) =>
    setDraft((current) => ({
      ...current,
      lines: changeRow(current.lines, index, (line) => {
        if (key !== 'kind') return { ...line, [key]: value };
        return isLineKind(value) ? { ...line, kind: value } : line;
      }),
    }));
  const title = job ? `Edit ${job.name}` : 'New saved job';
  return (
    <form onSubmit={submit} className="card form" noValidate aria-label={title}>
      <h2>{title}</h2>
      <p role="alert" className="form-error">
        {formError}
      </p>
      <TextField
        label="Name"
        name="name"
        value={draft.name}
        onChange={set('name')}
        error={fields.name}
      />
      <fieldset>
        <legend>Fits (leave empty for any vehicle)</legend>
        <div className="form-row">
          <TextField
            label="Make"
            name="make"
            value={draft.make}
            onChange={set('make')}
            error={fields.make}
          />
          <TextField
            label="Model"
            name="model"
            value={draft.model}
            onChange={set('model')}
            error={fields.model}
          />
          <TextField
            label="From year"
            name="yearFrom"
            inputMode="numeric"
            value={draft.yearFrom}
            onChange={set('yearFrom')}
            error={fields.yearFrom}
          />
          <TextField
            label="To year"
            name="yearTo"
            inputMode="numeric"
            value={draft.yearTo}
            onChange={set('yearTo')}
            error={fields.yearTo}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Lines</legend>
        {fields.lines ? <p className="form-error">Lines {fields.lines}</p> : null}
        {draft.lines.map((line, index) => (
          <div className="form-row" key={index}>
            <SelectField
              label="Kind"
              name={`lines.${index}.kind`}
              value={line.kind}
              options={kindOptions}
              onChange={setLine(index, 'kind')}
            />
            <TextField
              label="Description"
              name={`lines.${index}.description`}
              value={line.description}
              onChange={setLine(index, 'description')}
            />
            <TextField
              label={line.kind === 'labor' ? 'Hours' : 'Quantity'}
              name={`lines.${index}.quantity`}
              inputMode="decimal"
              value={line.quantity}
              onChange={setLine(index, 'quantity')}
            />
            <MoneyField
              label="Unit price"
              name={`lines.${index}.unitPrice`}
              money={format.moneyFormat}
              value={line.unitPrice}
              onChange={setLine(index, 'unitPrice')}
            />
            <TextField
              label="Part number"
              name={`lines.${index}.partNumber`}
              value={line.partNumber}
              onChange={setLine(index, 'partNumber')}
            />
            <RemoveRowButton
              label="Remove line"
              only={draft.lines.length === 1}
              onRemove={() =>
                setDraft((current) => ({ ...current, lines: withoutRow(current.lines, index) }))
              }
            />
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setDraft((current) => ({ ...current, lines: [...current.lines, blankJobLine('part')] }))
          }
        >
          Add a line
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : job ? 'Save job' : 'Create job'}
        </button>
        {job ? (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
