import { describe, expect, it } from 'vitest';
import { applyPayment, balanceDue } from '../../src/work-orders/balance';
import { assertAcceptsPayment, assertEditable } from '../../src/work-orders/editing';
import { WorkOrderConflictError, WorkOrderInputError } from '../../src/work-orders/errors';
import { workOrderStatuses } from '../../src/work-orders/status';

describe('balance and payments', () => {
  it('the balance is the total less the payments', () => {
    expect(balanceDue(23_078, [])).toBe(23_078);
    expect(balanceDue(23_078, [{ amountCents: 10_000 }, { amountCents: 3_078 }])).toBe(10_000);
  });

  it('a payment up to the balance is taken; above it is refused, naming amountCents', () => {
    expect(applyPayment(10_000, 4_000)).toBe(6_000);
    expect(applyPayment(6_000, 6_000)).toBe(0);
    for (const amount of [6_001, 0, -5, 1.5]) {
      const error = (() => {
        try {
          applyPayment(6_000, amount);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, String(amount)).toBeInstanceOf(WorkOrderInputError);
      expect((error as WorkOrderInputError).field).toBe('amountCents');
    }
    expect(() => applyPayment(6_000, 6_001)).toThrow(/overpayment is refused/);
  });
});

describe('what may change', () => {
  it('an open work order is editable; an invoiced, paid or cancelled one is a CONFLICT', () => {
    const locked = workOrderStatuses.filter((status) => {
      try {
        assertEditable(status);
        return false;
      } catch (error) {
        expect(error).toBeInstanceOf(WorkOrderConflictError);
        expect((error as Error).message).toMatch(new RegExp(`^work order is ${status}`));
        return true;
      }
    });
    expect(locked).toEqual(['invoiced', 'paid', 'cancelled']);
  });

  it('only an invoiced work order takes payments', () => {
    expect(() => assertAcceptsPayment('invoiced')).not.toThrow();
    for (const status of workOrderStatuses.filter((each) => each !== 'invoiced')) {
      expect(() => assertAcceptsPayment(status)).toThrow(WorkOrderConflictError);
    }
  });
});
