import { AppError } from '../../app-error';
import { isOpen, type LineApproval, type WorkOrderStatus, workOrderStatuses } from './status';

/**
 * What asks for a move: staff pressing a status button (`workOrder.setStatus`), the customer's
 * (or staff's recorded) line decisions, invoicing, a payment, a reversal of money (a voided
 * payment or a refund), or a credit note.
 */
export type Trigger = 'staff' | 'decision' | 'invoice' | 'payment' | 'reversal' | 'credit';

/** What the rules need to know of a work order to decide a move. */
export type TransitionState = {
  status: WorkOrderStatus;
  lines: ReadonlyArray<{ approval: LineApproval }>;
  /** Total minus what was paid (net of voids and refunds); the moves to and from `paid` read it. */
  balanceDueCents?: number;
  /** What was paid and not given back; cancelling reads it. */
  paidCents?: number;
};

// The one transition table: for each status, the statuses it may move to and what may ask.
// `ready -> in_progress` goes beyond DESIGN.md's arrows on purpose: work the customer approves
// after the car was ready has to be done before it is invoiced.
// `paid -> invoiced`: a voided payment or a refund leaves a balance to pay again.
// `invoiced | paid -> ready`: a credit note cancels the invoice, in full. The work was done and
// the car is ready (often already collected); what was wrong is the invoice (a price, a line,
// the bill-to), so the work order goes back to where invoicing starts from: its lines can be
// corrected there and it is invoiced again under a new number, or staff move it on to
// in_progress when more work turns out to be needed.
const transitionTable: Record<
  WorkOrderStatus,
  Partial<Record<WorkOrderStatus, ReadonlyArray<Trigger>>>
> = {
  estimate: { approved: ['staff', 'decision'], cancelled: ['staff'] },
  approved: { in_progress: ['staff'], cancelled: ['staff'] },
  in_progress: { waiting_parts: ['staff'], ready: ['staff'], cancelled: ['staff'] },
  waiting_parts: { in_progress: ['staff'], ready: ['staff'], cancelled: ['staff'] },
  ready: { in_progress: ['staff'], invoiced: ['invoice'], cancelled: ['staff'] },
  invoiced: { paid: ['payment'], ready: ['credit'] },
  paid: { invoiced: ['reversal'], ready: ['credit'] },
  cancelled: {},
};

// Why a move allowed by the table can still not happen now; null when it can.
const guards: Partial<Record<WorkOrderStatus, (state: TransitionState) => string | null>> = {
  approved: (state) => {
    if (state.lines.length === 0) return 'it has no lines to approve';
    return pendingProblem(state) ?? approvedLineProblem(state);
  },
  ready: (state) => pendingProblem(state),
  invoiced: (state) =>
    state.status === 'paid'
      ? owedProblem(state)
      : (pendingProblem(state) ?? approvedLineProblem(state)),
  paid: (state) => (state.balanceDueCents === 0 ? null : 'its balance is not paid in full'),
  cancelled: (state) =>
    (state.paidCents ?? 0) > 0
      ? `${state.paidCents} cents were paid on it: refund them first`
      : null,
};

function pendingProblem(state: TransitionState): string | null {
  const pending = state.lines.filter((line) => line.approval === 'pending').length;
  if (pending === 0) return null;
  return `${pending} line${pending === 1 ? ' awaits' : 's await'} the customer's decision`;
}

function approvedLineProblem(state: TransitionState): string | null {
  return state.lines.some((line) => line.approval === 'approved')
    ? null
    : 'no line is approved (cancel it instead)';
}

function owedProblem(state: TransitionState): string | null {
  return (state.balanceDueCents ?? 0) > 0 ? null : 'its balance is still paid in full';
}

function triggerProblem(allowed: ReadonlyArray<Trigger>): string {
  if (allowed.includes('invoice')) return 'invoicing makes this move';
  if (allowed.includes('payment')) return 'payments covering the total make this move';
  if (allowed.includes('reversal')) return 'a voided payment or a refund makes this move';
  if (allowed.includes('credit')) return 'a credit note makes this move';
  return 'only staff make this move';
}

/** Why `trigger` cannot move the work order to `to` now, or null when it can. */
export function transitionProblem(
  state: TransitionState,
  to: WorkOrderStatus,
  trigger: Trigger,
): string | null {
  if (state.status === to) return 'it is there already';
  const triggers = transitionTable[state.status][to];
  if (!triggers) return 'that is not a step of the workflow';
  if (!triggers.includes(trigger)) return triggerProblem(triggers);
  return guards[to]?.(state) ?? null;
}

/**
 * The one function that decides every move: returns it when the table allows it for `trigger`
 * and its guard passes, and throws a CONFLICT naming the current status otherwise.
 */
export function decideTransition(
  state: TransitionState,
  to: WorkOrderStatus,
  trigger: Trigger,
): { from: WorkOrderStatus; to: WorkOrderStatus } {
  const from = state.status;
  const problem = transitionProblem(state, to, trigger);
  if (problem) {
    throw new AppError('CONFLICT', `work order is ${from}: cannot move to ${to}, ${problem}`, {
      data: { status: from },
    });
  }
  return { from, to };
}

/** The statuses `trigger` may move the work order to now: the board offers buttons for these. */
export function nextStatuses(
  state: TransitionState,
  trigger: Trigger = 'staff',
): WorkOrderStatus[] {
  return workOrderStatuses.filter((to) => transitionProblem(state, to, trigger) === null);
}

/**
 * The status after lines were decided: an estimate whose lines are all decided, one at least
 * approved, becomes approved; anything else stays where it is (a line added after approval
 * leaves the work order in its status, flagged as awaiting approval, until it is decided).
 */
export function statusAfterDecisions(state: TransitionState): WorkOrderStatus {
  if (state.status !== 'estimate') return state.status;
  return transitionProblem(state, 'approved', 'decision') === null ? 'approved' : state.status;
}

/** The status after a payment: invoiced becomes paid once the balance reaches 0. */
export function statusAfterPayment(state: TransitionState): WorkOrderStatus {
  return transitionProblem(state, 'paid', 'payment') === null ? 'paid' : state.status;
}

/** The status after a voided payment or a refund: paid becomes invoiced again once something is owed. */
export function statusAfterReversal(state: TransitionState): WorkOrderStatus {
  return transitionProblem(state, 'invoiced', 'reversal') === null ? 'invoiced' : state.status;
}

/**
 * Whether the work order waits for the customer: it is still in the shop and a line is pending
 * (every line of a fresh estimate, or one added after approval). The status does not change.
 */
export function isAwaitingApproval(state: TransitionState): boolean {
  return isOpen(state.status) && state.lines.some((line) => line.approval === 'pending');
}
