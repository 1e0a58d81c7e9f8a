'use client';

import type { RouterOutputs } from '@garage/api';
import { readDecimal, templateCreateInput, templateUpdateInput } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { RemoveRowButton } from '~/components/remove-row-button';
import { SelectField } from '~/components/select-field';
import { TextField } from '~/components/text-field';
import type { FieldErrors } from '~/lib/field-errors';
import { changeRow, withoutRow } from '~/lib/rows';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { useTRPC } from '~/trpc/react';

type Template = RouterOutputs['inspection']['templates'][number];

type ItemDraft = {
  section: string;
  label: string;
  unit: string;
  advisoryLimit: string;
  requiredLimit: string;
  savedJobId: string;
};

export type TemplateDraft = { name: string; isDefault: boolean; items: ItemDraft[] };

const blankItem = (section = ''): ItemDraft => ({
  section,
  label: '',
  unit: '',
  advisoryLimit: '',
  requiredLimit: '',
  savedJobId: '',
});

export const blankTemplate = (): TemplateDraft => ({
  name: '',
  isDefault: false,
  items: [blankItem()],
});

/** A stored template as the text its form starts with. */
export function templateDraftOf(template: Template): TemplateDraft {
  return {
    name: template.name,
    isDefault: template.isDefault,
    items: template.items.map((item) => ({
      section: item.section,
      label: item.label,
      unit: item.unit ?? '',
      advisoryLimit: item.advisoryLimit === null ? '' : String(item.advisoryLimit),
      requiredLimit: item.requiredLimit === null ? '' : String(item.requiredLimit),
      savedJobId: item.savedJob ? String(item.savedJob.id) : '',
    })),
  };
}

const fieldNames = ['name', 'isDefault', 'items'];

/** Creates an inspection template, or edits one: sections and items, measured ones with limits. */
export function TemplateForm({
  template,
  initial,
  onDone,
}: {
  template?: Template;
  initial: TemplateDraft;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const { locale } = useShopFormat();
  const jobs = useQuery(trpc.savedJob.list.queryOptions());
  const [draft, setDraft] = useState(initial);
  const create = useMutation(
    trpc.inspection.createTemplate.mutationOptions({
      onSuccess: () => {
        setDraft(blankTemplate());
        onDone();
      },
    }),
  );
  const update = useMutation(trpc.inspection.updateTemplate.mutationOptions({ onSuccess: onDone }));
  const mutation = template ? update : create;
  const { fields, formError, check } = useFormMutation(mutation, {
    initial: {},
    fields: fieldNames,
  });
  const jobOptions = [
    { value: '', label: 'None' },
    ...(jobs.data ?? []).map((job) => ({ value: String(job.id), label: job.name })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const unread: FieldErrors = {};
    const limit = (text: string) => {
      if (!text.trim()) return null;
      const read = readDecimal(text, locale, { example: '3' });
      if ('value' in read) return read.value;
      unread.items = `limit ${read.problem}`;
      return null;
    };
    const items = draft.items.map((item) => ({
      section: item.section,
      label: item.label,
      unit: item.unit || null,
      advisoryLimit: limit(item.advisoryLimit),
      requiredLimit: limit(item.requiredLimit),
      savedJobId: item.savedJobId ? Number(item.savedJobId) : null,
    }));
    const typed = { name: draft.name, isDefault: draft.isDefault, items };
    if (template) {
      const input = check(
        templateUpdateInput,
        { id: template.id, version: template.version, ...typed },
        unread,
      );
      if (input) update.mutate(input);
    } else {
      const input = check(templateCreateInput, typed, unread);
      if (input) create.mutate(input);
    }
  }

  const setItem = (index: number, key: keyof ItemDraft) => (value: string) =>
    setDraft((current) => ({
      ...current,
      items: changeRow(current.items, index, (item) => ({ ...item, [key]: value })),
    }));
  const title = template ? `Edit ${template.name}` : 'New template';
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
        onChange={(name) => setDraft((current) => ({ ...current, name }))}
        error={fields.name}
      />
      <CheckboxField
        label="Default for new inspections"
        name="isDefault"
        checked={draft.isDefault}
        onChange={(isDefault) => setDraft((current) => ({ ...current, isDefault }))}
      />
      <fieldset>
        <legend>Items</legend>
        {fields.items ? <p className="form-error">Items {fields.items}</p> : null}
        {draft.items.map((item, index) => (
          <div className="form-row" key={index}>
            <TextField
              label="Section"
              name={`items.${index}.section`}
              value={item.section}
              onChange={setItem(index, 'section')}
            />
            <TextField
              label="Item"
              name={`items.${index}.label`}
              value={item.label}
              onChange={setItem(index, 'label')}
            />
            <TextField
              label="Unit"
              name={`items.${index}.unit`}
              value={item.unit}
              onChange={setItem(index, 'unit')}
              hint="mm, %, °C; empty for a plain grade"
            />
            <TextField
              label="Advisory at"
              name={`items.${index}.advisoryLimit`}
              inputMode="decimal"
              value={item.advisoryLimit}
              onChange={setItem(index, 'advisoryLimit')}
            />
            <TextField
              label="Required at"
              name={`items.${index}.requiredLimit`}
              inputMode="decimal"
              value={item.requiredLimit}
              onChange={setItem(index, 'requiredLimit')}
            />
            <SelectField
              label="Priced by"
              name={`items.${index}.savedJobId`}
              value={item.savedJobId}
              options={jobOptions}
              onChange={setItem(index, 'savedJobId')}
            />
            <RemoveRowButton
              label="Remove item"
              only={draft.items.length === 1}
              onRemove={() =>
                setDraft((current) => ({ ...current, items: withoutRow(current.items, index) }))
              }
            />
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setDraft((current) => ({
              ...current,
              items: [...current.items, blankItem(current.items.at(-1)?.section)],
            }))
          }
        >
          Add an item
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : template ? 'Save template' : 'Create template'}
        </button>
        {template ? (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
