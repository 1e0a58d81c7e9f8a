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
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { isLineKind, kindLabels, lineKinds } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { asJobDraft, jobValues, readSavedJob } from './saved-job-conflict';
import {
  blankJob,
  blankJobLine,
  jobDraftOf,
  readJobDraft,
  type SavedJobDraft,
} from './saved-job-draft';

type SavedJob = RouterOutputs['savedJob']['list'][number];

const fieldNames = ['name', 'make', 'model', 'yearFrom', 'yearTo', 'lines'];
const kindOptions = lineKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }));
const fitLabels = { make: 'Make', model: 'Model', yearFrom: 'From year', yearTo: 'To year' };

/**
 * Creates a saved job, or edits one (`job`, as the page has it now): its name, optional fitment
 * and priced lines. A save refused because someone saved the job since it was opened shows who
 * and when, their values, and "Use theirs" / "Keep mine".
 */
export function SavedJobForm({ job, onDone }: { job?: SavedJob; onDone: () => void }) {
  const trpc = useTRPC();
  const format = useShopFormat();
  const create = useMutation(trpc.savedJob.create.mutationOptions());
  const update = useMutation(trpc.savedJob.update.mutationOptions());
  const loaded = job ? jobDraftOf(job, format.moneyFormat) : blankJob();
  const form = useFormMutation(job ? update : create, { initial: loaded, fields: fieldNames });
  const versioned = useVersionConflict({
    record: { version: job?.version ?? 0, values: jobValues(loaded) },
    values: jobValues(form.draft),
    error: update.error,
    read: readSavedJob(format.moneyFormat),
    apply: (next) => form.setDraft((current) => asJobDraft(next, current.lines)),
    save: (next, onVersion) => save(asJobDraft(next, form.draft.lines), onVersion),
    dismiss: update.reset,
  });

  /** Saves `draft`; an edit on top of `onVersion`. */
  function save(draft: SavedJobDraft, onVersion: number) {
    const { fields: typed, unread } = readJobDraft(draft, format.moneyFormat);
    if (job) {
      const changes = { id: job.id, version: onVersion, ...typed };
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
    <form
      onSubmit={form.onSubmit(() => save(form.draft, versioned.version))}
      className="card form"
      noValidate
      aria-label={title}
    >
      <h2>{title}</h2>
      <FormError>{versioned.conflict ? undefined : form.formError}</FormError>
      <ConflictNotice what="saved job" busy={form.busy} {...versioned.notice} />
      <TextField label="Name" name="name" {...form.field('name')} />
      <Theirs conflict={versioned.conflict} field="name" />
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
        {(['make', 'model', 'yearFrom', 'yearTo'] as const).map((field) => (
          <Theirs
            key={field}
            conflict={versioned.conflict}
            field={field}
            label={fitLabels[field]}
          />
        ))}
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
      <Theirs conflict={versioned.conflict} field="lines" label="Lines" />
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
