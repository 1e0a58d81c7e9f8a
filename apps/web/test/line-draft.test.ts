import type { RouterOutputs } from '@garage/api';
import { addLineInput, updateLineInput } from '@garage/validators';
import { describe, expect, it } from 'vitest';
import { blankLine, lineDraftOf, readLineDraft } from '~/components/work-orders/line-draft';
import { checkInput } from '~/lib/form-check';

type Settings = RouterOutputs['settings']['get'];
type Line = RouterOutputs['workOrder']['byId']['lines'][number];

const settings: Settings = {
  name: 'Garage',
  address: '',
  phone: '',
  defaultLaborRateCents: 12_000,
  defaultTaxRateBps: 825,
  currency: 'USD',
  locale: 'en-US',
  timeZone: 'America/Chicago',
  updatedAt: new Date('2025-01-01T00:00:00Z'),
};
const usd = { currency: 'USD', locale: 'en-US' };
const eur = { currency: 'EUR', locale: 'de-DE' };

/** What the form would send for `draft` on work order 1, or every problem it shows. */
function submitted(draft: ReturnType<typeof blankLine>, money = usd) {
  const { fields, unread } = readLineDraft(draft, money);
  return checkInput(addLineInput, { workOrderId: 1, ...fields }, unread);
}

describe('blankLine', () => {
  it("prices labour at the shop's rate and every kind at its tax rate, in its locale", () => {
    expect(blankLine('labor', settings)).toMatchObject({
      kind: 'labor',
      quantity: '1',
      unitPrice: '120.00',
      taxRate: '8.25',
    });
    expect(blankLine('part', settings)).toMatchObject({ unitPrice: '', taxRate: '8.25' });
    expect(blankLine('labor', { ...settings, currency: 'EUR', locale: 'de-DE' })).toMatchObject({
      unitPrice: '120,00',
      taxRate: '8,25',
    });
  });
});

describe('a line form submitted', () => {
  it('sends the typed amounts as cents, basis points and decimal text', () => {
    const draft = { ...blankLine('labor', settings), description: 'Brakes', quantity: ' 1.5 ' };
    expect(submitted(draft)).toEqual({
      input: {
        workOrderId: 1,
        kind: 'labor',
        description: 'Brakes',
        quantity: '1.5',
        unitPriceCents: 12_000,
        taxRateBps: 825,
        partNumber: null,
      },
    });
  });

  it('reads 12,50 as 12.50 in a EUR/de-DE shop, never as 1,250.00', () => {
    const draft = {
      ...blankLine('part', settings),
      description: 'Filter',
      quantity: '1,5',
      unitPrice: '12,50',
      taxRate: '19',
    };
    expect(submitted(draft, eur)).toMatchObject({
      input: { quantity: '1.5', unitPriceCents: 1250, taxRateBps: 1900 },
    });
    // In en-US the comma groups thousands: "12,50" is refused, not read as 1,250.00.
    expect(submitted({ ...draft, quantity: '1', taxRate: '8.25' })).toEqual({
      problems: {
        unitPriceCents: 'must use "." for decimals; "," groups thousands (e.g. 123,456.50)',
      },
    });
  });

  it('keeps a part number on parts only', () => {
    const part = {
      ...blankLine('part', settings),
      description: 'Pads',
      unitPrice: '7.49',
      partNumber: 'BP-1',
    };
    expect(submitted(part)).toMatchObject({ input: { partNumber: 'BP-1' } });
    expect(submitted({ ...part, kind: 'fee' })).toMatchObject({ input: { partNumber: null } });
  });

  it('says every problem at once, describing what was typed', () => {
    const draft = {
      ...blankLine('part', settings),
      description: '',
      quantity: '-2',
      unitPrice: 'abc',
      taxRate: '101',
    };
    expect(submitted(draft)).toEqual({
      problems: {
        description: 'is required',
        quantity: 'must be more than 0',
        unitPriceCents: 'must be an amount (e.g. 12.50)',
        taxRateBps: 'must be at most 10000 basis points (100 %)',
      },
    });
  });

  it('checks an edit with the update schema', () => {
    const draft = { ...lineDraftOf(sampleLine, usd), quantity: '1.555' };
    const { fields, unread } = readLineDraft(draft, usd);
    expect(checkInput(updateLineInput, { id: 1, version: 1, ...fields }, unread)).toEqual({
      problems: { quantity: 'must have at most two decimal places' },
    });
  });
});

describe('lineDraftOf', () => {
  it('fills the form from a line as the API returns it, in the locale', () => {
    const line = {
      kind: 'part',
      description: 'Brake pad set',
      partNumber: null,
      quantity: '4',
      unitPriceCents: 749,
      taxRateBps: 825,
    } satisfies Partial<Line>;
    expect(lineDraftOf({ ...sampleLine, ...line }, usd)).toEqual({
      kind: 'part',
      description: 'Brake pad set',
      partNumber: '',
      quantity: '4',
      unitPrice: '7.49',
      taxRate: '8.25',
    });
    expect(
      lineDraftOf({ ...sampleLine, quantity: '1.50', unitPriceCents: 123_450 }, eur),
    ).toMatchObject({ quantity: '1,5', unitPrice: '1234,50' });
  });
});

const sampleLine: Line = {
  id: 1,
  position: 1,
  kind: 'labor',
  description: 'x',
  partNumber: null,
  quantity: '1',
  unitPriceCents: 100,
  taxRateBps: 0,
  approval: 'pending',
  decidedAt: null,
  decisionChannel: null,
  decidedBy: null,
  netCents: 100,
  taxCents: 0,
  totalCents: 100,
};
