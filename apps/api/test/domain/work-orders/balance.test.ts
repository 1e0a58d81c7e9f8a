import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/app-error';
import { applyPayment, balanceDue } from '../../../src/domain/work-orders/balance';
import {
  assertAcceptsPayment,
  assertDecidable,
  assertEditable,
  isDecidable,
  isEditable,
} from '../../../src/domain/work-orders/editing';
import { workOrderStatuses } from '../../../src/domain/work-orders/status';

describe('balance and payments', () => {
  it('the balance is the total less what was paid', () => {
    expect(balanceDue(23_078, 0)).toBe(23_078);
    expect(balanceDue(23_078, 13_078)).toBe(10_000);
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
      expect(error, String(amount)).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'BAD_INPUT' });
      expect(Object.keys((error as AppError).fields)).toEqual(['amountCents']);
    }
    expect(() => applyPayment(6_000, 6_001)).toThrow(/overpayment is refused/);
  });
});

describe('what may change', () => {
  const conflict = expect.objectContaining({ name: 'AppError', code: 'CONFLICT' });

  it('an open work order is editable; an invoiced, paid or cancelled one is a CONFLICT', () => {
    const locked = workOrderStatuses.filter((status) => {
      try {
        assertEditable(status);
        return false;
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: 'CONFLICT', data: { status } });
        expect((error as Error).message).toMatch(new RegExp(`^work order is ${status}`));
        return true;
      }
    });
    expect(locked).toEqual(['invoiced', 'paid', 'cancelled']);
    expect(workOrderStatuses.filter((status) => !isEditable(status))).toEqual(locked);
  });

  it('only an invoiced work order takes payments', () => {
    expect(() => assertAcceptsPayment('invoiced')).not.toThrow();
    for (const status of workOrderStatuses.filter((each) => each !== 'invoiced')) {
      expect(() => assertAcceptsPayment(status)).toThrow(conflict);
    }
  });

  it('decisions are final once work has started, except on lines still pending', () => {
    const decidable = workOrderStatuses.filter((status) => isDecidable(status, 'approved'));
    expect(decidable).toEqual(['estimate', 'approved']);
    const pending = workOrderStatuses.filter((status) => isDecidable(status, 'pending'));
    expect(pending).toEqual(['estimate', 'approved', 'in_progress', 'waiting_parts', 'ready']);
    expect(() => assertDecidable('ready', { id: 7, approval: 'approved' })).toThrow(
      'work order is ready: line 7 is already approved, and decisions are final once work has started',
    );
    expect(() => assertDecidable('ready', { id: 7, approval: 'pending' })).not.toThrow();
    expect(() => assertDecidable('paid', { id: 7, approval: 'pending' })).toThrow(conflict);
  });
});
