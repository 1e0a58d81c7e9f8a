'use client';

import type { RouterOutputs } from '@garage/api';
import { addLineInput, updateLineInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { FormError } from '~/components/form-error';
import { MoneyField } from '~/components/money-field';
import { SelectField } from '~/components/select-field';
import { SubmitButton } from '~/components/submit-button';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useShopFormat } from '~/lib/use-shop-format';
import { isLineKind, kindLabels, lineKinds } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { asLineDraft, readLine } from './line-conflict';
import { blankLine, type LineDraft, readLineDraft } from './line-draft';
import { useWorkOrderWritten } from './use-work-order-written';

type Settings = RouterOutputs['settings']['get'];

// The inputs' fields, by the API's names (the server's errors land on them).
const lineFieldNames = [
  'kind',
  'description',
  'partNumber',
  'quantity',
  'unitPriceCents',
  'taxRateBps',
];

const kindOptions = lineKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }));

/**
 * Adds a line to the work order, or edits one (`lineId`). The amounts shown afterwards are the
 * server's: the form sends quantity, unit price and rate, never a total.
 */
export function LineForm({
  workOrderId,
  lineId,
  version = 0,
  initial,
  settings,
  onDone,
}: {
  workOrderId: number;
  /** The line being edited, and its version as loaded; none to add one. */
  lineId?: number;
  version?: number;
  initial: LineDraft;
  settings: Settings;
  /** Called after a save (and on Cancel while editing). */
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  const format = useShopFormat();
  const money = { currency: settings.currency, locale: settings.locale };
  const element = useRef<HTMLFormElement>(null);
  // "Edit" on a row opens this form below the table: the focus follows, to its first field.
  useEffect(() => {
    const first = element.current?.elements[0];
    if (lineId !== undefined && first instanceof HTMLElement) first.focus();
  }, [lineId]);
  const add = useMutation(trpc.workOrder.addLine.mutationOptions({ onSuccess: written }));
  const update = useMutation(trpc.workOrder.updateLine.mutationOptions({ onSuccess: written }));
  const form = useFormMutation(lineId === undefined ? add : update, {
    initial,
    fields: lineFieldNames,
  });
  const { draft } = form;
  const versioned = useVersionConflict({
    record: { version, values: initial },
    values: draft,
    error: update.error,
    read: readLine(format),
    apply: (next) => form.setDraft((current) => asLineDraft(next, current.kind)),
    save: (next, onVersion) => save(asLineDraft(next, draft.kind), onVersion),
    dismiss: update.reset,
  });

  /** Saves the form's values; an edit on top of `onVersion`. Added, a blank line of its kind. */
  function save(typed: LineDraft, onVersion: number) {
    const { fields: line, unread } = readLineDraft(typed, money);
    if (lineId === undefined) {
      form.send(
        add.mutate,
        addLineInput,
        { workOrderId, ...line },
        { unread, saved: () => form.reset(blankLine(typed.kind, settings)) },
      );
    } else {
      const changes = { id: lineId, version: onVersion, ...line };
      form.send(update.mutate, updateLineInput, changes, { unread, saved: onDone });
    }
  }

  const setKind = (value: string) => {
    if (!isLineKind(value)) return;
    form.setDraft((current) =>
      // A fresh line takes the new kind's default price; a typed one keeps it.
      current.unitPrice === blankLine(current.kind, settings).unitPrice
        ? { ...current, kind: value, unitPrice: blankLine(value, settings).unitPrice }
        : { ...current, kind: value },
    );
  };
  const theirs = (field: keyof LineDraft, label: string) => (
    <Theirs conflict={versioned.conflict} field={field} label={label} />
  );
  const title = lineId === undefined ? 'Add a line' : `Edit line: ${initial.description}`;
  return (
    <form
      ref={element}
      onSubmit={form.onSubmit(() => save(draft, versioned.version))}
      className="card form line-form"
      noValidate
      aria-label={title}
    >
      <h3>{title}</h3>
      <FormError>{versioned.conflict ? undefined : form.formError}</FormError>
      <ConflictNotice what="line" busy={form.busy} {...versioned.notice} />
      <div className="form-row">
        <SelectField
          label="Kind"
          name="kind"
          value={draft.kind}
          options={kindOptions}
          onChange={setKind}
          error={form.fields.kind}
        />
        <TextField label="Description" name="description" {...form.field('description')} required />
        {draft.kind === 'part' ? (
          <TextField
            label="Part number"
            name="partNumber"
            {...form.field('partNumber')}
            autoComplete="off"
          />
        ) : null}
      </div>
      {theirs('kind', 'Kind')}
      {theirs('description', 'Description')}
      {theirs('partNumber', 'Part number')}
      <div className="form-row">
        <TextField
          label={draft.kind === 'labor' ? 'Hours' : 'Quantity'}
          name="quantity"
          inputMode="decimal"
          {...form.field('quantity')}
          hint="Up to two decimals"
          required
        />
        <MoneyField
          label="Unit price"
          name="unitPrice"
          money={money}
          {...form.field('unitPrice', 'unitPriceCents')}
          hint={`In ${settings.currency}${draft.kind === 'labor' ? ', per hour' : ''}`}
          required
        />
        <TextField
          label="Tax rate"
          name="taxRate"
          inputMode="decimal"
          {...form.field('taxRate', 'taxRateBps')}
          hint="Per cent"
          required
        />
      </div>
      {theirs('quantity', 'Quantity')}
      {theirs('unitPrice', 'Unit price')}
      {theirs('taxRate', 'Tax rate')}
      <div className="actions">
        <SubmitButton busy={form.busy}>
          {lineId === undefined ? 'Add line' : 'Save line'}
        </SubmitButton>
        {lineId !== undefined ? (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
