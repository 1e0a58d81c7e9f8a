'use client';

import type { RouterOutputs } from '@garage/api';
import { savedJobCreateInput, savedJobUpdateInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { FormError } from '~/components/form-error';
import { MoneyField } from '~/components/money-field';
import { RowsEditor } from '~/components/rows-editor';
import { SelectField } from '~/components/select-field';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
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
  const create = useMutation(trpc.savedJob.create.mutationOptions());
  const update = useMutation(trpc.savedJob.update.mutationOptions());
  const form = useFormMutation(job ? update : create, { initial, fields: fieldNames });

  function save() {
    const { fields: typed, unread } = readJobDraft(form.draft, format.moneyFormat);
    if (job) {
      const changes = { id: job.id, version: job.version, ...typed };
      form.send(update.mutate, savedJobUpdateInput, changes, { unread, saved: onDone });
    } else {
      form.send(create.mutate, savedJobCreateInput, typed, {
        unread,
        saved: () => {
          form.reset(blankJob());
          onDone();
        },
      });
    }
  }

  const title = job ? `Edit ${job.name}` : 'New saved job';
  return (
    <form onSubmit={form.onSubmit(save)} className="card form" noValidate aria-label={title}>
      <h2>{title}</h2>
      <FormError>{form.formError}</FormError>
      <TextField label="Name" name="name" {...form.field('name')} />
      <fieldset>
        <legend>Fits (leave empty for any vehicle)</legend>
        <div className="form-row">
          <TextField label="Make" name="make" {...form.field('make')} />
          <TextField label="Model" name="model" {...form.field('model')} />
          <TextField
            label="From year"
            name="yearFrom"
            inputMode="numeric"
            {...form.field('yearFrom')}
          />
          <TextField label="To year" name="yearTo" inputMode="numeric" {...form.field('yearTo')} />
        </div>
      </fieldset>
      <RowsEditor
        legend="Lines"
        labels={{ add: 'Add a line', remove: 'Remove line' }}
        rows={form.draft.lines}
        onChange={(change) => form.setDraft((draft) => ({ ...draft, lines: change(draft.lines) }))}
        newRow={() => blankJobLine('part')}
        error={form.fields.lines}
      >
        {(line, set, index) => (
          <>
            <SelectField
              label="Kind"
              name={`lines.${index}.kind`}
              value={line.kind}
              options={kindOptions}
              onChange={(kind) => {
                if (isLineKind(kind)) set('kind')(kind);
              }}
            />
            <TextField
              label="Description"
              name={`lines.${index}.description`}
              value={line.description}
              onChange={set('description')}
            />
            <TextField
              label={line.kind === 'labor' ? 'Hours' : 'Quantity'}
              name={`lines.${index}.quantity`}
              inputMode="decimal"
              value={line.quantity}
              onChange={set('quantity')}
            />
            <MoneyField
              label="Unit price"
              name={`lines.${index}.unitPrice`}
              money={format.moneyFormat}
              value={line.unitPrice}
              onChange={set('unitPrice')}
            />
            <TextField
              label="Part number"
              name={`lines.${index}.partNumber`}
              value={line.partNumber}
              onChange={set('partNumber')}
            />
          </>
        )}
      </RowsEditor>
      <div className="actions">
        <SubmitButton busy={form.busy}>{job ? 'Save job' : 'Create job'}</SubmitButton>
        {job ? (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
