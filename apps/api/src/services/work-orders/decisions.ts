import type { DecisionChannel, PrismaClient } from '@garage/db';
import { TRPCError } from '@trpc/server';
import type { SessionUser } from '../../auth/sessions';
import { assertDecidable, assertEditable } from '../../domain/work-orders/editing';
import { WorkOrderInputError } from '../../domain/work-orders/errors';
import { workOrderTotals } from '../../domain/work-orders/totals';
import { decideTransition, statusAfterDecisions } from '../../domain/work-orders/transitions';
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
 * A customer may decide only on their own work orders (FORBIDDEN otherwise, whether it
 * exists or not) and does not name a channel: theirs is the portal.
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
  if (by.role === 'customer') {
    const owner = await prisma.workOrder.findUnique({
      where: { id: workOrderId },
      select: { customerId: true },
    });
    if (!owner || owner.customerId !== by.customerId) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'this work order is not yours' });
    }
    if (request.channel !== undefined) {
      throw new WorkOrderInputError('channel', 'is the portal for a customer; leave it out');
    }
  }
  const channel: DecisionChannel = by.role === 'customer' ? 'portal' : (request.channel ?? 'phone');
  const statusMove = await prisma.$transaction(async (tx) => {
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
        throw new WorkOrderInputError(
          `decisions.${index}.lineId`,
          'is not a line of this work order',
        );
      }
      if (seen.has(decision.lineId)) {
        throw new WorkOrderInputError(`decisions.${index}.lineId`, 'is decided twice');
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
          decidedById: by.id,
          decidedAt,
          decisionChannel: channel,
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
        statusChanges: { create: { ...move, byId: by.id, at: decidedAt } },
      },
    });
    return move;
  });
  // The answer is the decider's own view: a customer's leaves out the shop's notes.
  return { ...(await getWorkOrder(prisma, workOrderId, by)), statusMove };
}
