import type { DecisionChannel, PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import type { SessionUser } from '../../auth/sessions';
import { assertDecidable, assertEditable } from '../../domain/work-orders/editing';
import { workOrderTotals } from '../../domain/work-orders/totals';
import { decideTransition, statusAfterDecisions } from '../../domain/work-orders/transitions';
import { requireVisible } from '../../visibility/assert';
import { visibleTo } from '../../visibility/rules';
import { getWorkOrder } from './detail';
import { lockWorkOrder } from './locks';
import { pricedLineSelect } from './selects';
import { pricedLine } from './shape';

export type LineDecision = { lineId: number; approved: boolean };

/**
 * Records the customer's decision on lines of an open work order, with who, when and how:
 * the customer in the portal, or staff on their behalf (by phone unless said otherwise). An
 * estimate whose lines are then all decided, one at least approved, moves to `approved`. Once
 * work has started (in progress, waiting for parts, ready) only lines still pending may be
 * decided: changing a decision then is a CONFLICT, for the customer and for staff alike, and
 * changes nothing. A decision that brings back a declined line is refused (BAD_REQUEST naming
 * `decisions`, nothing written) if it would make the totals too large to hold in cents.
 * The decider must see the work order (the visibility rule's one answer otherwise, whether it
 * exists or not: a customer decides only on their own). A customer does not name a channel:
 * theirs is the portal.
 */
export async function decideLines(
  prisma: PrismaClient,
  request: {
    workOrderId: number;
    decisions: LineDecision[];
    channel?: Exclude<DecisionChannel, 'portal'> | undefined;
  },
  by: SessionUser,
) {
  const { workOrderId, decisions } = request;
  requireVisible(
    await prisma.workOrder.findUnique({
      where: { id: workOrderId, AND: visibleTo(by).workOrder },
      select: { id: true },
    }),
    by,
    'work order',
  );
  if (by.role === 'customer' && request.channel !== undefined) {
    throw AppError.badInput('channel', 'is the portal for a customer; leave it out');
  }
  const channel: DecisionChannel = by.role === 'customer' ? 'portal' : (request.channel ?? 'phone');
  const statusMove = await recordDecisions(prisma, workOrderId, decisions, {
    byId: by.id,
    channel,
  });
  // The answer is the decider's own view: a customer's leaves out the shop's notes.
  return { ...(await getWorkOrder(prisma, workOrderId, by)), statusMove };
}

/** Who decided, and how: a user (none through an estimate link opened signed out), a channel. */
export type Decider = { byId: number | null; channel: DecisionChannel };

/**
 * Writes decisions on lines of an open work order in one transaction under its row lock (the
 * rules of `decideLines`), and moves an estimate whose lines are then all decided to approved;
 * returns that move, or null. The caller has checked the decider may decide on it.
 */
export async function recordDecisions(
  prisma: PrismaClient,
  workOrderId: number,
  decisions: LineDecision[],
  decider: Decider,
) {
  return prisma.$transaction(async (tx) => {
    const workOrder = await lockWorkOrder(tx, workOrderId);
    assertEditable(workOrder.status);
    const lines = await tx.workOrderLine.findMany({
      where: { workOrderId },
      select: { id: true, approval: true },
    });
    const known = new Map(lines.map((line) => [line.id, line]));
    const seen = new Set<number>();
    decisions.forEach((decision, index) => {
      const line = known.get(decision.lineId);
      if (!line) {
        throw AppError.badInput(`decisions.${index}.lineId`, 'is not a line of this work order');
      }
      if (seen.has(decision.lineId)) {
        throw AppError.badInput(`decisions.${index}.lineId`, 'is decided twice');
      }
      seen.add(decision.lineId);
      assertDecidable(workOrder.status, line);
    });
    const decidedAt = new Date();
    for (const approved of [true, false]) {
      const ids = decisions.filter((d) => d.approved === approved).map((d) => d.lineId);
      if (ids.length === 0) continue;
      await tx.workOrderLine.updateMany({
        where: { id: { in: ids } },
        data: {
          approval: approved ? 'approved' : 'declined',
          decidedById: decider.byId,
          decidedAt,
          decisionChannel: decider.channel,
        },
      });
    }
    const decided = (
      await tx.workOrderLine.findMany({ where: { workOrderId }, select: pricedLineSelect })
    ).map(pricedLine);
    workOrderTotals(decided, 'decisions');
    const state = { status: workOrder.status, lines: decided };
    const next = statusAfterDecisions(state);
    if (next === workOrder.status) return null;
    const move = decideTransition(state, next, 'decision');
    await tx.workOrder.update({
      where: { id: workOrderId },
      data: {
        status: next,
        approvedAt: decidedAt,
        statusChanges: { create: { ...move, byId: decider.byId, at: decidedAt } },
      },
    });
    return move;
  });
}
