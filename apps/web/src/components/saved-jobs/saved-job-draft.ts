import type { RouterOutputs } from '@garage/api';
import { type MoneyFormat, moneyInputText, parseMoney } from '@garage/validators';
import { parseQuantityInput, parseWholeInput, quantityToInput } from '~/lib/amount-input';
import type { FieldErrors } from '~/lib/field-errors';
import { isLineKind, type LineKind } from '~/lib/work-order-words';

type SavedJob = RouterOutputs['savedJob']['list'][number];

/** One line of a saved job as typed: money and quantities in the shop's locale. */
export type SavedJobLineDraft = {
  kind: LineKind;
  description: string;
  quantity: string;
  unitPrice: string;
  partNumber: string;
};

/** A saved job as its form holds it. */
export type SavedJobDraft = {
  name: string;
  make: string;
  model: string;
  yearFrom: string;
  yearTo: string;
  lines: SavedJobLineDraft[];
};

export const blankJobLine = (kind: LineKind = 'labor'): SavedJobLineDraft => ({
  kind,
  description: '',
  quantity: '1',
  unitPrice: '',
  partNumber: '',
});

export const blankJob = (): SavedJobDraft => ({
  name: '',
  make: '',
  model: '',
  yearFrom: '',
  yearTo: '',
  lines: [blankJobLine()],
});

/** A line as the API has it (a job's, or the newer lines a conflict carries). */
export type StoredJobLine = Pick<
  SavedJob['lines'][number],
  'description' | 'quantity' | 'unitPriceCents' | 'partNumber'
> & { kind: string };

/** A stored line as the text its row starts with, written in the shop's locale. */
export function jobLineDraftOf(line: StoredJobLine, money: MoneyFormat): SavedJobLineDraft {
  return {
    kind: isLineKind(line.kind) ? line.kind : 'labor',
    description: line.description,
    quantity: quantityToInput(line.quantity, money.locale),
    unitPrice: moneyInputText(line.unitPriceCents, money),
    partNumber: line.partNumber ?? '',
  };
}

/** A stored job as the text its form starts with, written in the shop's locale. */
export function jobDraftOf(job: SavedJob, money: MoneyFormat): SavedJobDraft {
  return {
    name: job.name,
    make: job.make ?? '',
    model: job.model ?? '',
    yearFrom: job.yearFrom === null ? '' : String(job.yearFrom),
    yearTo: job.yearTo === null ? '' : String(job.yearTo),
    lines: job.lines.map((line) => jobLineDraftOf(line, money)),
  };
}

/**
 * The form's text read into the API's fields (money in minor units, parsed in the shop's
 * locale), with what could not be read, by the API's field names.
 */
export function readJobDraft(draft: SavedJobDraft, money: MoneyFormat) {
  const unread: FieldErrors = {};
  const year = (text: string, field: string) => {
    if (!text.trim()) return null;
    const read = parseWholeInput(text, money.locale);
    if ('value' in read) return read.value;
    unread[field] = read.problem;
    return null;
  };
  const lines = draft.lines.map((line) => {
    const price = parseMoney(line.unitPrice, money);
    const quantity = parseQuantityInput(line.quantity, money.locale);
    if ('problem' in price) unread.lines = `unit price ${price.problem}`;
    if ('problem' in quantity) unread.lines = `quantity ${quantity.problem}`;
    return {
      kind: line.kind,
      description: line.description,
      quantity: 'value' in quantity ? quantity.value : line.quantity,
      unitPriceCents: 'value' in price ? price.value : -1,
      partNumber: line.partNumber || null,
    };
  });
  return {
    fields: {
      name: draft.name,
      make: draft.make || null,
      model: draft.model || null,
      yearFrom: year(draft.yearFrom, 'yearFrom'),
      yearTo: year(draft.yearTo, 'yearTo'),
      lines,
    },
    unread,
  };
}
