import type { PrismaClient } from '@garage/db';
import { getShopProfile } from '../settings';
import type { LineDecision } from '../work-orders/decisions';
import { recordDecisions } from '../work-orders/decisions';
import { getWorkOrder } from '../work-orders/detail';
import { workOrderOfToken } from './estimate-links';

/**
 * The approval page an estimate link opens, signed in or not: its one work order as its
 * customer sees it in the portal, narrowed to what deciding needs (the estimate's lines and
 * totals, the vehicle's name, the shop's profile); none of the customer's details, no other
 * work order, no vehicle list.
 */
export async function estimateOfToken(prisma: PrismaClient, token: string) {
  const { workOrderId, customerId } = await workOrderOfToken(prisma, token);
  const [detail, shop] = await Promise.all([
    getWorkOrder(prisma, workOrderId, { role: 'customer', customerId }),
    getShopProfile(prisma),
  ]);
  return {
    id: detail.id,
    number: detail.number,
    status: detail.status,
    concern: detail.concern,
    vehicle: {
      year: detail.vehicle.year,
      make: detail.vehicle.make,
      model: detail.vehicle.model,
      plate: detail.vehicle.plate,
    },
    lines: detail.lines.map((line) => ({
      id: line.id,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      taxRateBps: line.taxRateBps,
      netCents: line.netCents,
      taxCents: line.taxCents,
      totalCents: line.totalCents,
      approval: line.approval,
      decidedAt: line.decidedAt,
      decidable: line.decidable,
    })),
    totals: detail.totals,
    money: detail.money,
    awaitingApproval: detail.awaitingApproval,
    shop,
  };
}

export type EstimateOfToken = Awaited<ReturnType<typeof estimateOfToken>>;

/**
 * Decisions sent from an estimate link: on lines of its own work order only (a line of another
 * is refused as not one of this work order's), by the rules the portal follows, recorded as
 * made through the link (by the signed-in customer when it is theirs, else by no account).
 */
export async function decideByToken(
  prisma: PrismaClient,
  token: string,
  decisions: LineDecision[],
  signedInUser: { id: number; customerId: number | null } | null,
) {
  const { workOrderId, customerId } = await workOrderOfToken(prisma, token);
  const byId = signedInUser && signedInUser.customerId === customerId ? signedInUser.id : null;
  const statusMove = await recordDecisions(prisma, workOrderId, decisions, {
    byId,
    channel: 'link',
  });
  return { ...(await estimateOfToken(prisma, token)), statusMove };
}
