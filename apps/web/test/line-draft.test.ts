import type { RouterOutputs } from '@garage/api';
import { describe, expect, it } from 'vitest';
import { blankLine, lineDraftOf, parseLineDraft } from '~/components/work-orders/line-draft';

type Settings = RouterOutputs['settings']['get'];
type Line = RouterOutputs['workOrder']['byId']['lines'][number];

const settings: Settings = {
  name: 'Garage',
  address: '',
  phone: '',
  defaultLaborRateCents: 12_000,
  defaultTaxRateBps: 825,
  currency: 'USD',
  timeZone: 'America/Chicago',
  updatedAt: new Date('2025-01-01T00:00:00Z'),
};

describe('blankLine', () => {
  it("prices labour at the shop's rate and every kind at its tax rate", () => {
    expect(blankLine('labor', settings)).toMatchObject({
      kind: 'labor',
      quantity: '1',
      unitPrice: '120.00',
      taxRate: '8.25',
    });
    expect(blankLine('part', settings)).toMatchObject({ unitPrice: '', taxRate: '8.25' });
  });
});

describe('parseLineDraft', () => {
  it('turns the typed amounts into cents and basis points', () => {
    const draft = { ...blankLine('labor', settings), description: 'Brakes', quantity: ' 1.5 ' };
    expect(parseLineDraft(draft, 'USD')).toEqual({
      fields: {
        kind: 'labor',
        description: 'Brakes',
        quantity: '1.5',
        unitPriceCents: 12_000,
        taxRateBps: 825,
        partNumber: '',
      },
    });
  });

  it('keeps a part number on parts only', () => {
    const part = { ...blankLine('part', settings), unitPrice: '7.49', partNumber: 'BP-1' };
    expect(parseLineDraft(part, 'USD')).toMatchObject({ fields: { partNumber: 'BP-1' } });
    expect(parseLineDraft({ ...part, kind: 'fee' }, 'USD')).toMatchObject({
      fields: { partNumber: '' },
    });
  });

  it("names the problems by the API's field names", () => {
    const draft = { ...blankLine('part', settings), unitPrice: '7.499', taxRate: 'lots' };
    expect(parseLineDraft(draft, 'USD')).toEqual({
      problems: {
        unitPriceCents: 'must be an amount with at most 2 decimal places',
        taxRateBps: 'must be a percentage with at most two decimal places',
      },
    });
  });
});

describe('lineDraftOf', () => {
  it('fills the form from a line as the API returns it', () => {
    const line = {
      kind: 'part',
      description: 'Brake pad set',
      partNumber: null,
      quantity: '4',
      unitPriceCents: 749,
      taxRateBps: 825,
    } satisfies Partial<Line>;
    expect(lineDraftOf({ ...sampleLine, ...line }, 'USD')).toEqual({
      kind: 'part',
      description: 'Brake pad set',
      partNumber: '',
      quantity: '4',
      unitPrice: '7.49',
      taxRate: '8.25',
    });
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
