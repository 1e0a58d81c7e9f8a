import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/app-error';
import {
  checkRefund,
  checkVoid,
  type Movements,
  netPaid,
  refundable,
} from '../../../src/domain/work-orders/movements';

// What counts of a work order's payments and refunds, and what may still move (pure).

const payment = (id: number, amountCents: number, voided = false) => ({ id, amountCents, voided });

/** The error `check` throws, or null. */
function thrown(check: () => void): unknown {
  try {
    check();
    return null;
  } catch (error) {
    return error;
  }
}

describe('what was paid', () => {
  it('counts payments not voided, less every refund', () => {
    const movements: Movements = {
      payments: [payment(1, 10_000), payment(2, 5_000, true), payment(3, 2_000)],
      refunds: [
        { paymentId: 1, amountCents: 1_500 },
        { paymentId: null, amountCents: 500 },
      ],
    };
    expect(netPaid(movements)).toBe(10_000);
    expect(refundable(movements)).toBe(10_000);
    // What is left of payment 1 (8,500), of the voided one nothing, of payment 3 all of it.
    expect([1, 2, 3].map((id) => refundable(movements, id))).toEqual([8_500, 0, 2_000]);
  });

  it('never lets a payment refund more than the work order has left', () => {
    const movements: Movements = {
      payments: [payment(1, 10_000), payment(2, 10_000)],
      refunds: [{ paymentId: null, amountCents: 15_000 }],
    };
    expect(refundable(movements, 1)).toBe(5_000);
    expect(refundable(movements)).toBe(5_000);
  });
});

describe('a refund', () => {
  const movements: Movements = {
    payments: [payment(1, 10_000), payment(2, 3_000, true)],
    refunds: [{ paymentId: 1, amountCents: 4_000 }],
  };
  const fieldOf = (request: { paymentId?: number; amountCents: number }) => {
    const error = thrown(() => checkRefund(movements, request));
    return error instanceof AppError && error.code === 'BAD_INPUT'
      ? Object.keys(error.fields)[0]
      : error;
  };

  it('up to what is left passes; more, nothing, a voided or foreign payment name the field', () => {
    expect(fieldOf({ paymentId: 1, amountCents: 6_000 })).toBeNull();
    expect(fieldOf({ amountCents: 6_000 })).toBeNull();
    expect(fieldOf({ paymentId: 1, amountCents: 6_001 })).toBe('amountCents');
    expect(fieldOf({ amountCents: 6_001 })).toBe('amountCents');
    expect(fieldOf({ amountCents: 0 })).toBe('amountCents');
    expect(fieldOf({ paymentId: 2, amountCents: 1 })).toBe('paymentId');
    expect(fieldOf({ paymentId: 99, amountCents: 1 })).toBe('paymentId');
    expect(thrown(() => checkRefund(movements, { amountCents: 6_001 }))).toMatchObject({
      message: expect.stringMatching(/never exceeds what was paid/),
    });
  });
});

describe('a void', () => {
  it('undoes a payment once; not one with refunds, nor one the refunds still need', () => {
    const movements: Movements = {
      payments: [payment(1, 10_000), payment(2, 3_000, true), payment(3, 2_000)],
      refunds: [
        { paymentId: 1, amountCents: 1_000 },
        { paymentId: null, amountCents: 9_500 },
      ],
    };
    const conflict = (id: number) => {
      const error = thrown(() => checkVoid(movements, id));
      return error instanceof AppError && error.code === 'CONFLICT' ? error.message : error;
    };
    expect(conflict(2)).toMatch(/already voided/);
    expect(conflict(1)).toMatch(/has refunds against it/);
    // 12,000 paid less 10,500 refunded: without payment 3 the refunds exceed the payments.
    expect(conflict(3)).toMatch(/refunds already given would then be more than was paid/);
    expect(conflict(9)).toMatch(/not on this work order/);
    expect(thrown(() => checkVoid({ payments: [payment(4, 500)], refunds: [] }, 4))).toBeNull();
  });
});
