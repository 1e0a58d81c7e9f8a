import type { RouterInputs, RouterOutputs } from '@garage/api';
import {
  moneyToInput,
  parseMoneyInput,
  parseTaxRateInput,
  taxRateToInput,
} from '~/lib/amount-input';
import type { LineKind } from '~/lib/work-order-words';

/** The line form's text, as typed; amounts are parsed on submit. */
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
export type LineFields = Omit<RouterInputs['workOrder']['addLine'], 'workOrderId'>;

/** A blank line of `kind`, priced with the shop's defaults (labour at its labour rate). */
export function blankLine(kind: LineKind, settings: Settings): LineDraft {
  return {
    kind,
    description: '',
    partNumber: '',
    quantity: '1',
    unitPrice:
      kind === 'labor' ? moneyToInput(settings.defaultLaborRateCents, settings.currency) : '',
    taxRate: taxRateToInput(settings.defaultTaxRateBps),
  };
}

/** A draft filled from a line as the API returns it, for editing. */
export function lineDraftOf(line: Line, currency: string): LineDraft {
  return {
    kind: line.kind,
    description: line.description,
    partNumber: line.partNumber ?? '',
    quantity: line.quantity,
    unitPrice: moneyToInput(line.unitPriceCents, currency),
    taxRate: taxRateToInput(line.taxRateBps),
  };
}

/**
 * The draft as API input, or the problems the form can tell before asking the server (an
 * amount or rate that is not one), keyed by the API's field names so that the server's own
 * errors land on the same inputs. Everything else the API checks.
 */
export function parseLineDraft(
  draft: LineDraft,
  currency: string,
): { fields: LineFields } | { problems: Record<string, string> } {
  const price = parseMoneyInput(draft.unitPrice, currency);
  const rate = parseTaxRateInput(draft.taxRate);
  if ('problem' in price || 'problem' in rate) {
    const problems: Record<string, string> = {};
    if ('problem' in price) problems.unitPriceCents = price.problem;
    if ('problem' in rate) problems.taxRateBps = rate.problem;
    return { problems };
  }
  return {
    fields: {
      kind: draft.kind,
      description: draft.description,
      quantity: draft.quantity.trim(),
      unitPriceCents: price.value,
      taxRateBps: rate.value,
      // Only parts carry a part number; "" clears one left from an earlier kind.
      partNumber: draft.kind === 'part' ? draft.partNumber : '',
    },
  };
}
