import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/app-error';
import type { LineApproval } from '../../../src/domain/work-orders/status';
import {
  divideRoundingHalfAwayFromZero,
  lineAmounts,
  parseQuantity,
  shownLineAmounts,
  shownTotals,
  workOrderTotals,
} from '../../../src/domain/work-orders/totals';

describe('line amounts', () => {
  it("DESIGN.md's example: 1.5 h x 120.00, 4 x 7.49 at 8.25 %, a 3.50 fee at 0 %", () => {
    const labour = { quantity: '1.5', unitPriceCents: 12_000, taxRateBps: 825 };
    const parts = { quantity: '4', unitPriceCents: 749, taxRateBps: 825 };
    const fee = { quantity: '1', unitPriceCents: 350, taxRateBps: 0 };

    expect(lineAmounts(labour)).toEqual({ netCents: 18_000, taxCents: 1_485, totalCents: 19_485 });
    expect(lineAmounts(parts)).toEqual({ netCents: 2_996, taxCents: 247, totalCents: 3_243 });
    expect(lineAmounts(fee)).toEqual({ netCents: 350, taxCents: 0, totalCents: 350 });
    expect(
      workOrderTotals([labour, parts, fee].map((line) => ({ ...line, approval: 'approved' }))),
    ).toEqual({ subtotalCents: 21_346, taxCents: 1_732, totalCents: 23_078 });
  });

  it('rounds net and tax half away from zero, each once', () => {
    // 0.5 x 1 cent = 0.5 -> 1; 0.25 x 3 = 0.75 -> 1; 0.01 x 49 = 0.49 -> 0.
    expect(lineAmounts({ quantity: '0.5', unitPriceCents: 1, taxRateBps: 0 }).netCents).toBe(1);
    expect(lineAmounts({ quantity: '0.25', unitPriceCents: 3, taxRateBps: 0 }).netCents).toBe(1);
    expect(lineAmounts({ quantity: '0.01', unitPriceCents: 49, taxRateBps: 0 }).netCents).toBe(0);
    // A discount (negative price) rounds away from zero too: -0.5 -> -1.
    expect(lineAmounts({ quantity: '0.5', unitPriceCents: -1, taxRateBps: 0 }).netCents).toBe(-1);
    // Tax on 2.00 at 0.25 % is 0.5 cent -> 1; on 1.99 it is 0.4975 -> 0.
    expect(lineAmounts({ quantity: '1', unitPriceCents: 200, taxRateBps: 25 }).taxCents).toBe(1);
    expect(lineAmounts({ quantity: '1', unitPriceCents: 199, taxRateBps: 25 }).taxCents).toBe(0);
  });

  it('is exact where floats are not: 0.29 x 0.50 is 14.5 cents, rounded to 15', () => {
    expect(Math.round(0.29 * 50)).toBe(14);
    expect(lineAmounts({ quantity: '0.29', unitPriceCents: 50, taxRateBps: 0 }).netCents).toBe(15);
  });

  it('refuses quantities that are not positive decimals with at most two places', () => {
    for (const quantity of ['', '1.234', '-1', '0', '0.00', '1e3', '1,5', 'abc', '123456789']) {
      expect(() => parseQuantity(quantity), quantity).toThrow(
        expect.objectContaining({ name: 'AppError', code: 'BAD_INPUT' }),
      );
    }
    expect(parseQuantity(' 12.5 ')).toBe(1_250n);
    expect(parseQuantity('99999999.99')).toBe(9_999_999_999n);
  });

  it('names the field of a bad price or tax rate', () => {
    const fieldOf = (line: Parameters<typeof lineAmounts>[0]) => {
      try {
        lineAmounts(line);
        return null;
      } catch (error) {
        return error instanceof AppError && error.code === 'BAD_INPUT'
          ? Object.keys(error.fields)[0]
          : 'other';
      }
    };
    expect(fieldOf({ quantity: '1', unitPriceCents: 1.5, taxRateBps: 0 })).toBe('unitPriceCents');
    expect(fieldOf({ quantity: '1', unitPriceCents: 100, taxRateBps: 10_001 })).toBe('taxRateBps');
    expect(fieldOf({ quantity: '1', unitPriceCents: 100, taxRateBps: -1 })).toBe('taxRateBps');
    expect(fieldOf({ quantity: 'x', unitPriceCents: 100, taxRateBps: 0 })).toBe('quantity');
  });
});

describe('work order totals', () => {
  it('leave declined lines out and count pending ones', () => {
    const line = { quantity: '1', unitPriceCents: 1_000, taxRateBps: 1_000 };
    expect(
      workOrderTotals([
        { ...line, approval: 'approved' },
        { ...line, approval: 'pending' },
        { ...line, approval: 'declined' },
      ]),
    ).toEqual({ subtotalCents: 2_000, taxCents: 200, totalCents: 2_200 });
    expect(workOrderTotals([])).toEqual({ subtotalCents: 0, taxCents: 0, totalCents: 0 });
  });

  const quantity = fc
    .tuple(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 99 }))
    .filter(([whole, hundredths]) => whole + hundredths > 0)
    .map(([whole, hundredths]) => `${whole}.${String(hundredths).padStart(2, '0')}`);
  const line = fc.record({
    quantity,
    unitPriceCents: fc.integer({ min: -100_000, max: 10_000_000 }),
    taxRateBps: fc.integer({ min: 0, max: 10_000 }),
    approval: fc.constantFrom<LineApproval>('pending', 'approved', 'declined'),
  });

  it('are the sums of the line amounts of the lines not declined (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const counted = lines.filter((each) => each.approval !== 'declined').map(lineAmounts);
        const totals = workOrderTotals(lines);
        const sum = (pick: (amounts: (typeof counted)[number]) => number) =>
          counted.reduce((total, amounts) => total + pick(amounts), 0);
        expect(totals.subtotalCents).toBe(sum((amounts) => amounts.netCents));
        expect(totals.taxCents).toBe(sum((amounts) => amounts.taxCents));
        expect(totals.totalCents).toBe(sum((amounts) => amounts.totalCents));
        expect(totals.totalCents).toBe(totals.subtotalCents + totals.taxCents);
      }),
    );
  });

  it('never depend on the order of the lines (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(line, { maxLength: 30 })
          .chain((lines) =>
            fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length })),
          ),
        ([lines, shuffled]) => {
          expect(workOrderTotals(shuffled)).toEqual(workOrderTotals(lines));
        },
      ),
    );
  });

  it('give each line its exact product rounded to the nearest cent (property)', () => {
    fc.assert(
      fc.property(line, ({ quantity, unitPriceCents }) => {
        const exactHundredthsOfCents = parseQuantity(quantity) * BigInt(unitPriceCents);
        const net = BigInt(lineAmounts({ quantity, unitPriceCents, taxRateBps: 0 }).netCents);
        const error = net * 100n - exactHundredthsOfCents;
        expect(error >= -50n && error <= 50n).toBe(true);
      }),
    );
  });
});

describe('amounts as reads show them', () => {
  // Two lines each within a line's limits whose sum is not: the attack of issue 22.
  const big = { quantity: '50000000', unitPriceCents: 100_000_000, taxRateBps: 0 };

  it('a write refuses totals too large to hold in cents, naming the field it is told', () => {
    const lines = [big, big].map((line) => ({ ...line, approval: 'approved' as const }));
    expect(() => workOrderTotals(lines, 'unitPriceCents')).toThrow(
      'unitPriceCents: makes an amount too large to hold in cents',
    );
  });

  it('a read never throws: what cannot be held exactly is null, the rest as a write computes it', () => {
    const lines = [big, big].map((line) => ({ ...line, approval: 'approved' as const }));
    expect(shownTotals(lines)).toEqual({ subtotalCents: null, taxCents: 0, totalCents: null });
    expect(shownLineAmounts(big)).toEqual(lineAmounts(big));
    const huge = { quantity: '99999999.99', unitPriceCents: 2_147_483_647, taxRateBps: 10_000 };
    expect(shownLineAmounts(huge)).toEqual({ netCents: null, taxCents: null, totalCents: null });
    // A declined line does not count, so it cannot spoil the totals.
    expect(shownTotals([{ ...huge, approval: 'declined' }])).toEqual({
      subtotalCents: 0,
      taxCents: 0,
      totalCents: 0,
    });
  });

  it('agree with the write-side amounts wherever those exist (property)', () => {
    const anyLine = fc.record({
      quantity: fc.constantFrom('1', '0.5', '2.75', '99999999.99', '50000000'),
      unitPriceCents: fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
      taxRateBps: fc.integer({ min: 0, max: 10_000 }),
      approval: fc.constantFrom<LineApproval>('pending', 'approved', 'declined'),
    });
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 6 }), (lines) => {
        const shown = shownTotals(lines);
        try {
          expect(shown).toEqual(workOrderTotals(lines));
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'BAD_INPUT')) throw error;
          expect(Object.values(shown)).toContain(null);
        }
      }),
    );
  });
});

describe('rounding division', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(divideRoundingHalfAwayFromZero(5n, 10n)).toBe(1n);
    expect(divideRoundingHalfAwayFromZero(-5n, 10n)).toBe(-1n);
    expect(divideRoundingHalfAwayFromZero(4n, 10n)).toBe(0n);
    expect(divideRoundingHalfAwayFromZero(-4n, 10n)).toBe(0n);
    expect(divideRoundingHalfAwayFromZero(15n, 10n)).toBe(2n);
    expect(divideRoundingHalfAwayFromZero(-25n, 10n)).toBe(-3n);
  });
});
