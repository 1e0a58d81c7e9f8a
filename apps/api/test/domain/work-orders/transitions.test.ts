import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/app-error';
import { type LineApproval, workOrderStatuses } from '../../../src/domain/work-orders/status';
import {
  decideTransition,
  isAwaitingApproval,
  nextStatuses,
  statusAfterDecisions,
  statusAfterPayment,
  statusAfterReversal,
  type TransitionState,
  type Trigger,
} from '../../../src/domain/work-orders/transitions';

const triggers: Trigger[] = ['staff', 'decision', 'invoice', 'payment', 'reversal', 'credit'];

// Every move the workflow has, with what may ask for it. Anything else is refused.
const allowed = new Set([
  'estimate>approved:staff',
  'estimate>approved:decision',
  'estimate>cancelled:staff',
  'approved>in_progress:staff',
  'approved>cancelled:staff',
  'in_progress>waiting_parts:staff',
  'in_progress>ready:staff',
  'in_progress>cancelled:staff',
  'waiting_parts>in_progress:staff',
  'waiting_parts>ready:staff',
  'waiting_parts>cancelled:staff',
  'ready>in_progress:staff',
  'ready>invoiced:invoice',
  'ready>cancelled:staff',
  'invoiced>paid:payment',
  'invoiced>ready:credit',
  'paid>invoiced:reversal',
  'paid>ready:credit',
]);

const lines = (...approvals: LineApproval[]) => approvals.map((approval) => ({ approval }));

/**
 * A work order whose guards all pass for a move to `to`: its one line approved, nothing paid,
 * nothing left to pay, except for a paid one going back to invoiced, which owes again.
 */
const settled = (status: TransitionState['status'], to?: TransitionState['status']) => ({
  status,
  lines: lines('approved'),
  balanceDueCents: status === 'paid' && to === 'invoiced' ? 500 : 0,
  paidCents: 0,
});

function outcome(state: TransitionState, to: TransitionState['status'], trigger: Trigger) {
  try {
    return decideTransition(state, to, trigger);
  } catch (error) {
    return error;
  }
}

describe('the transition table', () => {
  for (const from of workOrderStatuses) {
    for (const to of workOrderStatuses) {
      for (const trigger of triggers) {
        const key = `${from}>${to}:${trigger}`;
        if (allowed.has(key)) {
          it(`allows ${key}`, () => {
            expect(outcome(settled(from, to), to, trigger)).toEqual({ from, to });
          });
        } else {
          it(`refuses ${key} with a CONFLICT naming ${from}`, () => {
            const error = outcome(settled(from, to), to, trigger);
            expect(error).toBeInstanceOf(AppError);
            expect(error).toMatchObject({ code: 'CONFLICT', data: { status: from } });
            expect((error as Error).message).toMatch(
              new RegExp(`^work order is (already )?${from}`),
            );
          });
        }
      }
    }
  }
});

describe('the guards', () => {
  it('approve only when every line is decided and one at least is approved', () => {
    const estimate = (...approvals: LineApproval[]) => ({
      status: 'estimate' as const,
      lines: lines(...approvals),
    });
    expect(() => decideTransition(estimate(), 'approved', 'staff')).toThrow(/no lines to approve/);
    expect(() => decideTransition(estimate('approved', 'pending'), 'approved', 'staff')).toThrow(
      /1 line awaits the customer's decision/,
    );
    expect(() => decideTransition(estimate('declined', 'declined'), 'approved', 'staff')).toThrow(
      /no line is approved/,
    );
    expect(decideTransition(estimate('declined', 'approved'), 'approved', 'decision')).toEqual({
      from: 'estimate',
      to: 'approved',
    });
  });

  it('keep a work order with a pending line from ready and from invoicing', () => {
    const withPending = (status: TransitionState['status']) => ({
      status,
      lines: lines('approved', 'pending', 'pending'),
    });
    expect(() => decideTransition(withPending('in_progress'), 'ready', 'staff')).toThrow(
      "work order is in_progress: cannot move to ready, 2 lines await the customer's decision",
    );
    expect(() => decideTransition(withPending('ready'), 'invoiced', 'invoice')).toThrow(
      /2 lines await/,
    );
    expect(() =>
      decideTransition({ status: 'ready', lines: lines('declined') }, 'invoiced', 'invoice'),
    ).toThrow(/no line is approved/);
    // Work goes on meanwhile: the approved part can be started, parts can be waited for.
    expect(nextStatuses(withPending('approved'))).toEqual(['in_progress', 'cancelled']);
    expect(nextStatuses(withPending('in_progress'))).toEqual(['waiting_parts', 'cancelled']);
  });

  it('make a work order paid only when its balance is 0', () => {
    const invoiced = (balanceDueCents: number) => ({
      status: 'invoiced' as const,
      lines: lines('approved'),
      balanceDueCents,
    });
    expect(() => decideTransition(invoiced(1), 'paid', 'payment')).toThrow(
      'work order is invoiced: cannot move to paid, its balance is not paid in full',
    );
    expect(() => decideTransition(invoiced(0), 'paid', 'staff')).toThrow(
      /payments covering the total make this move/,
    );
    expect(() => decideTransition(settled('ready'), 'invoiced', 'staff')).toThrow(
      /invoicing makes this move/,
    );
  });

  it('send a paid work order back to invoiced only when it owes again', () => {
    const paid = (balanceDueCents: number) => ({
      status: 'paid' as const,
      lines: lines('approved'),
      balanceDueCents,
    });
    expect(() => decideTransition(paid(0), 'invoiced', 'reversal')).toThrow(
      'work order is paid: cannot move to invoiced, its balance is still paid in full',
    );
    expect(decideTransition(paid(1), 'invoiced', 'reversal')).toEqual({
      from: 'paid',
      to: 'invoiced',
    });
    expect(() => decideTransition(paid(1), 'invoiced', 'staff')).toThrow(
      /a voided payment or a refund makes this move/,
    );
    expect(() => decideTransition(settled('invoiced'), 'ready', 'staff')).toThrow(
      /a credit note makes this move/,
    );
  });

  it('keep a work order with money paid on it from being cancelled', () => {
    const ready = { status: 'ready' as const, lines: lines('approved') };
    expect(() => decideTransition({ ...ready, paidCents: 2_500 }, 'cancelled', 'staff')).toThrow(
      'work order is ready: cannot move to cancelled, 2500 cents were paid on it: refund them first',
    );
    expect(nextStatuses({ ...ready, paidCents: 2_500 })).toEqual(['in_progress']);
    expect(nextStatuses({ ...ready, paidCents: 0 })).toEqual(['in_progress', 'cancelled']);
  });
});

describe('the legal next statuses (the board buttons)', () => {
  it('are the staff moves whose guards pass', () => {
    expect(nextStatuses(settled('estimate'))).toEqual(['approved', 'cancelled']);
    expect(nextStatuses({ status: 'estimate', lines: lines('pending') })).toEqual(['cancelled']);
    expect(nextStatuses(settled('approved'))).toEqual(['in_progress', 'cancelled']);
    expect(nextStatuses(settled('in_progress'))).toEqual(['waiting_parts', 'ready', 'cancelled']);
    expect(nextStatuses(settled('waiting_parts'))).toEqual(['in_progress', 'ready', 'cancelled']);
    expect(nextStatuses(settled('ready'))).toEqual(['in_progress', 'cancelled']);
    expect(nextStatuses(settled('ready'), 'invoice')).toEqual(['invoiced']);
    for (const status of ['invoiced', 'paid', 'cancelled'] as const) {
      expect(nextStatuses(settled(status))).toEqual([]);
    }
  });
});

describe('moves made by decisions and payments', () => {
  it('deciding the last line of an estimate approves it; later decisions keep the status', () => {
    expect(statusAfterDecisions({ status: 'estimate', lines: lines('approved', 'declined') })).toBe(
      'approved',
    );
    expect(statusAfterDecisions({ status: 'estimate', lines: lines('approved', 'pending') })).toBe(
      'estimate',
    );
    expect(statusAfterDecisions({ status: 'estimate', lines: lines('declined') })).toBe('estimate');
    expect(statusAfterDecisions({ status: 'in_progress', lines: lines('approved') })).toBe(
      'in_progress',
    );
  });

  it('the payment that clears the balance makes it paid', () => {
    const invoiced = { status: 'invoiced' as const, lines: lines('approved') };
    expect(statusAfterPayment({ ...invoiced, balanceDueCents: 0 })).toBe('paid');
    expect(statusAfterPayment({ ...invoiced, balanceDueCents: 500 })).toBe('invoiced');
  });

  it('a void or refund that leaves a balance makes a paid work order invoiced again', () => {
    const paid = { status: 'paid' as const, lines: lines('approved') };
    expect(statusAfterReversal({ ...paid, balanceDueCents: 500 })).toBe('invoiced');
    expect(statusAfterReversal({ ...paid, balanceDueCents: 0 })).toBe('paid');
    expect(
      statusAfterReversal({ status: 'invoiced', lines: lines('approved'), balanceDueCents: 900 }),
    ).toBe('invoiced');
  });
});

describe('awaiting approval', () => {
  it('flags an open work order with a pending line, whatever its status', () => {
    expect(isAwaitingApproval({ status: 'estimate', lines: lines('pending') })).toBe(true);
    expect(isAwaitingApproval({ status: 'in_progress', lines: lines('approved', 'pending') })).toBe(
      true,
    );
    expect(
      isAwaitingApproval({ status: 'in_progress', lines: lines('approved', 'declined') }),
    ).toBe(false);
    expect(isAwaitingApproval({ status: 'estimate', lines: [] })).toBe(false);
    expect(isAwaitingApproval({ status: 'cancelled', lines: lines('pending') })).toBe(false);
  });
});
