import type { RouterOutputs } from '@garage/api';
import {
  type addLineInput,
  type MoneyFormat,
  moneyInputText,
  parseMoney,
} from '@garage/validators';
import {
  parseQuantityInput,
  parseTaxRateInput,
  quantityToInput,
  taxRateToInput,
} from '~/lib/amount-input';
import type { FieldErrors } from '~/lib/field-errors';
import type { Candidate } from '~/lib/form-check';
import type { LineKind } from '~/lib/work-order-words';

/** The line form's text, as typed; amounts are read on submit, in the shop's locale. */
export interface LineDraft {
  kind: LineKind;
  description: string;
  partNumber: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
}

type Line = RouterOutputs['workOrder']['byId']['lines'][number];
type Settings = RouterOutputs['settings']['get'];

/** What the form sends for a line, add or update alike (the ids are added by the caller). */
export type LineFields = Omit<Candidate<typeof addLineInput>, 'workOrderId'>;

/** A blank line of `kind`, priced with the shop's defaults (labour at its labour rate). */
export function blankLine(kind: LineKind, settings: Settings): LineDraft {
  return {
    kind,
    description: '',
    partNumber: '',
    quantity: '1',
    unitPrice: kind === 'labor' ? moneyInputText(settings.defaultLaborRateCents, settings) : '',
    taxRate: taxRateToInput(settings.defaultTaxRateBps, settings.locale),
  };
}

/** A draft filled from a line as the API returns it, for editing. */
export function lineDraftOf(line: Line, money: MoneyFormat): LineDraft {
  return {
    kind: line.kind,
    description: line.description,
    partNumber: line.partNumber ?? '',
    quantity: quantityToInput(line.quantity, money.locale),
    unitPrice: moneyInputText(line.unitPriceCents, money),
    taxRate: taxRateToInput(line.taxRateBps, money.locale),
  };
}

/**
 * The draft as a line's fields, its numbers read in the shop's currency and locale, and the
 * problems of those it could not read (by the API's field names, where the server's own errors
 * land too). Whether the values fit is the API's schema to say, which the form checks with.
 */
export function readLineDraft(
  draft: LineDraft,
  money: MoneyFormat,
): { fields: LineFields; unread: FieldErrors } {
  const fields: LineFields = {
    kind: draft.kind,
    description: draft.description,
    // Only parts carry a part number; "" clears one left from an earlier kind.
    partNumber: draft.kind === 'part' ? draft.partNumber : '',
  };
  const unread: FieldErrors = {};
  const quantity = parseQuantityInput(draft.quantity, money.locale);
  if ('value' in quantity) fields.quantity = quantity.value;
  else unread.quantity = quantity.problem;
  const price = parseMoney(draft.unitPrice, money);
  if ('value' in price) fields.unitPriceCents = price.value;
  else unread.unitPriceCents = price.problem;
  const rate = parseTaxRateInput(draft.taxRate, money.locale);
  if ('value' in rate) fields.taxRateBps = rate.value;
  else unread.taxRateBps = rate.problem;
  return { fields, unread };
}
