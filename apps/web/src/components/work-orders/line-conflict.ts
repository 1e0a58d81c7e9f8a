import { moneyInputText } from '@garage/validators';
import { taxRateToInput } from '~/lib/amount-input';
import { formatTaxRate } from '~/lib/format';
import type { ShopFormat } from '~/lib/use-shop-format';
import { type ConflictReader, type FormValues, readers, textFields } from '~/lib/version-conflict';
import { isLineKind, kindLabels, type LineKind } from '~/lib/work-order-words';
import type { LineDraft } from './line-draft';

/** The line form's values as a draft again (a kind it does not know keeps `kind`). */
export function asLineDraft(values: FormValues<keyof LineDraft>, kind: LineKind): LineDraft {
  return { ...values, kind: isLineKind(values.kind) ? values.kind : kind };
}

/** Reads a line's changed fields into the line form: amounts as typed and as shown. */
export function readLine(format: ShopFormat): ConflictReader<keyof LineDraft> {
  return readers<keyof LineDraft>(
    textFields(['description', 'partNumber', 'quantity']),
    (field, value) => {
      if (field === 'kind' && typeof value === 'string' && isLineKind(value)) {
        return { key: 'kind', value, shown: kindLabels[value] };
      }
      if (field === 'unitPriceCents' && typeof value === 'number') {
        return {
          key: 'unitPrice',
          value: moneyInputText(value, format.moneyFormat),
          shown: format.money(value),
        };
      }
      if (field === 'taxRateBps' && typeof value === 'number') {
        return {
          key: 'taxRate',
          value: taxRateToInput(value, format.locale),
          shown: formatTaxRate(value),
        };
      }
      return null;
    },
  );
}
