'use client';

import type { RouterOutputs } from '@garage/api';
import { addLineInput, updateLineInput } from '@garage/validators';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { MoneyField } from '~/components/money-field';
import { SelectField } from '~/components/select-field';
import { TextField } from '~/components/text-field';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { useFormCheck } from '~/lib/use-form-check';
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
  const [draft, setDraft] = useState<LineDraft>(initial);
  const money = { currency: settings.currency, locale: settings.locale };
  const form = useRef<HTMLFormElement>(null);
  // "Edit" on a row opens this form below the table: the focus follows, to its first field.
  useEffect(() => {
    const first = form.current?.elements[0];
    if (lineId !== undefined && first instanceof HTMLElement) first.focus();
  }, [lineId]);
  const onSuccess = (workOrder: RouterOutputs['workOrder']['byId']) => {
    written(workOrder);
    if (lineId === undefined) setDraft(blankLine(draft.kind, settings));
    onDone?.();
  };
  const add = useMutation(trpc.workOrder.addLine.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.workOrder.updateLine.mutationOptions({ onSuccess }));
  const mutation = lineId === undefined ? add : update;
  const { fields, formError: problems, check } = useFormCheck(mutation, lineFieldNames);
  const versioned = useVersionConflict({
    record: { version, values: initial },
    values: draft,
    error: update.error,
    read: readLine(format),
    apply: (next) => setDraft((current) => asLineDraft(next, current.kind)),
    save: (next, onVersion) => save(asLineDraft(next, draft.kind), onVersion),
    dismiss: update.reset,
  });
  const formError = versioned.conflict ? undefined : problems;

  function submit(event: FormEvent) {
    event.preventDefault();
    save(draft, versioned.version);
  }

  /** Saves the form's values; an edit on top of `onVersion`. */
  function save(typed: LineDraft, onVersion: number) {
    const { fields: line, unread } = readLineDraft(typed, money);
    if (lineId === undefined) {
      const input = check(addLineInput, { workOrderId, ...line }, unread);
      if (input) add.mutate(input);
    } else {
      const input = check(updateLineInput, { id: lineId, version: onVersion, ...line }, unread);
      if (input) update.mutate(input);
    }
  }

  const set = (key: Exclude<keyof LineDraft, 'kind'>) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setKind = (value: string) => {
    if (!isLineKind(value)) return;
    setDraft((current) =>
      // A fresh line takes the new kind's default price; a typed one keeps it.
      current.unitPrice === blankLine(current.kind, settings).unitPrice
        ? { ...current, kind: value, unitPrice: blankLine(value, settings).unitPrice }
        : { ...current, kind: value },
    );
  };
  const title = lineId === undefined ? 'Add a line' : `Edit line: ${initial.description}`;
  return (
    <form
      ref={form}
      onSubmit={submit}
      className="card form line-form"
      noValidate
      aria-label={title}
    >
      <h3>{title}</h3>
      <p role="alert" className="form-error">
        {formError}
      </p>
      <ConflictNotice what="line" busy={mutation.isPending} {...versioned.notice} />
      <div className="form-row">
        <SelectField
          label="Kind"
          name="kind"
          value={draft.kind}
          options={kindOptions}
          onChange={setKind}
          error={fields.kind}
        />
        <TextField
          label="Description"
          name="description"
          value={draft.description}
          onChange={set('description')}
          error={fields.description}
          required
        />
        {draft.kind === 'part' ? (
          <TextField
            label="Part number"
            name="partNumber"
            value={draft.partNumber}
            onChange={set('partNumber')}
            error={fields.partNumber}
            autoComplete="off"
          />
        ) : null}
      </div>
      <Theirs conflict={versioned.conflict} field="kind" label="Kind" />
      <Theirs conflict={versioned.conflict} field="description" label="Description" />
      <Theirs conflict={versioned.conflict} field="partNumber" label="Part number" />
      <div className="form-row">
        <TextField
          label={draft.kind === 'labor' ? 'Hours' : 'Quantity'}
          name="quantity"
          inputMode="decimal"
          value={draft.quantity}
          onChange={set('quantity')}
          error={fields.quantity}
          hint="Up to two decimals"
          required
        />
        <MoneyField
          label="Unit price"
          name="unitPrice"
          money={money}
          value={draft.unitPrice}
          onChange={set('unitPrice')}
          error={fields.unitPriceCents}
          hint={`In ${settings.currency}${draft.kind === 'labor' ? ', per hour' : ''}`}
          required
        />
        <TextField
          label="Tax rate"
          name="taxRate"
          inputMode="decimal"
          value={draft.taxRate}
          onChange={set('taxRate')}
          error={fields.taxRateBps}
          hint="Per cent"
          required
        />
      </div>
      <Theirs conflict={versioned.conflict} field="quantity" label="Quantity" />
      <Theirs conflict={versioned.conflict} field="unitPrice" label="Unit price" />
      <Theirs conflict={versioned.conflict} field="taxRate" label="Tax rate" />
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : lineId === undefined ? 'Add line' : 'Save line'}
        </button>
        {lineId !== undefined ? (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
