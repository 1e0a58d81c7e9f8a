'use client';

import type { RouterOutputs } from '@garage/api';
import { templateCreateInput, templateUpdateInput } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { CheckboxField } from '~/components/checkbox-field';
import { FormError } from '~/components/form-error';
import { RowsEditor } from '~/components/rows-editor';
import { SelectField } from '~/components/select-field';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { useTRPC } from '~/trpc/react';
import { asTemplateDraft, readTemplate, templateValues } from './template-conflict';
import {
  blankItem,
  blankTemplate,
  readTemplateDraft,
  type TemplateDraft,
  templateDraftOf,
} from './template-draft';

type Template = RouterOutputs['inspection']['templates'][number];

const fieldNames = ['name', 'isDefault', 'items'];

/**
 * Creates an inspection template, or edits one (`template`, as the page has it now): sections
 * and items, measured ones with limits. A save refused because another admin saved the template
 * since it was opened shows who and when, their values, and "Use theirs" / "Keep mine".
 */
export function TemplateForm({ template, onDone }: { template?: Template; onDone: () => void }) {
  const trpc = useTRPC();
  const { locale } = useShopFormat();
  const jobs = useQuery(trpc.savedJob.list.queryOptions());
  const create = useMutation(trpc.inspection.createTemplate.mutationOptions());
  const update = useMutation(trpc.inspection.updateTemplate.mutationOptions());
  const loaded = template ? templateDraftOf(template, locale) : blankTemplate();
  const form = useFormMutation(template ? update : create, { initial: loaded, fields: fieldNames });
  const versioned = useVersionConflict({
    record: { version: template?.version ?? 0, values: templateValues(loaded) },
    values: templateValues(form.draft),
    error: update.error,
    read: readTemplate(locale),
    apply: (next) => form.setDraft((current) => asTemplateDraft(next, current.items)),
    save: (next, onVersion) => save(asTemplateDraft(next, form.draft.items), onVersion),
    dismiss: update.reset,
  });
  const jobOptions = [
    { value: '', label: 'None' },
    ...(jobs.data ?? []).map((job) => ({ value: String(job.id), label: job.name })),
  ];

  /** Saves `draft`; an edit on top of `onVersion`. */
  function save(draft: TemplateDraft, onVersion: number) {
    const { fields: typed, unread } = readTemplateDraft(draft, locale);
    if (template) {
      const changes = { id: template.id, version: onVersion, ...typed };
      form.send(update.mutate, templateUpdateInput, changes, { unread, saved: onDone });
    } else {
      form.send(create.mutate, templateCreateInput, typed, {
        unread,
        saved: () => {
          form.reset(blankTemplate());
          onDone();
        },
      });
    }
  }

  const title = template ? `Edit ${template.name}` : 'New template';
  return (
    <form
      onSubmit={form.onSubmit(() => save(form.draft, versioned.version))}
      className="card form"
      noValidate
      aria-label={title}
    >
      <h2>{title}</h2>
      <FormError>{versioned.conflict ? undefined : form.formError}</FormError>
      <ConflictNotice what="template" busy={form.busy} {...versioned.notice} />
      <TextField label="Name" name="name" {...form.field('name')} />
      <Theirs conflict={versioned.conflict} field="name" />
      <CheckboxField
        label="Default for new inspections"
        name="isDefault"
        checked={form.draft.isDefault}
        onChange={form.set('isDefault')}
      />
      <Theirs conflict={versioned.conflict} field="isDefault" />
      <RowsEditor
        legend="Items"
        labels={{ add: 'Add an item', remove: 'Remove item' }}
        rows={form.draft.items}
        onChange={(change) => form.setDraft((draft) => ({ ...draft, items: change(draft.items) }))}
        newRow={(items) => blankItem(items.at(-1)?.section)}
        error={form.fields.items}
      >
        {(item, set, index) => (
          <>
            <TextField
              label="Section"
              name={`items.${index}.section`}
              value={item.section}
              onChange={set('section')}
            />
            <TextField
              label="Item"
              name={`items.${index}.label`}
              value={item.label}
              onChange={set('label')}
            />
            <TextField
              label="Unit"
              name={`items.${index}.unit`}
              value={item.unit}
              onChange={set('unit')}
              hint="mm, %, °C; empty for a plain grade"
            />
            <TextField
              label="Advisory at"
              name={`items.${index}.advisoryLimit`}
              inputMode="decimal"
              value={item.advisoryLimit}
              onChange={set('advisoryLimit')}
            />
            <TextField
              label="Required at"
              name={`items.${index}.requiredLimit`}
              inputMode="decimal"
              value={item.requiredLimit}
              onChange={set('requiredLimit')}
            />
            <SelectField
              label="Priced by"
              name={`items.${index}.savedJobId`}
              value={item.savedJobId}
              options={jobOptions}
              onChange={set('savedJobId')}
            />
          </>
        )}
      </RowsEditor>
      <Theirs conflict={versioned.conflict} field="items" label="Items" />
      <div className="actions">
        <SubmitButton busy={form.busy}>
          {template ? 'Save template' : 'Create template'}
        </SubmitButton>
        {template ? (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
