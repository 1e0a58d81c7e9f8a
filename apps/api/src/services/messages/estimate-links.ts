import { createHash, randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';

/** How long an estimate link opens its work order. */
export const estimateLinkLifetimeMs = 14 * 24 * 60 * 60_000;

/** The stored form of a token: its sha256, so a read of the table opens nothing. */
export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A new link for one work order (32 random bytes, URL-safe), replacing the ones it had: the
 * newest estimate sent is the one to decide on. Returns the token; only its hash is stored.
 */
export async function createEstimateLink(
  tx: Prisma.TransactionClient,
  workOrderId: number,
  createdById: number,
  now = new Date(),
): Promise<string> {
  await revokeLinksOf(tx, workOrderId, now);
  const token = randomBytes(32).toString('base64url');
  await tx.estimateLink.create({
    data: {
      tokenHash: tokenHashOf(token),
      workOrderId,
      createdById,
      expiresAt: new Date(now.getTime() + estimateLinkLifetimeMs),
    },
  });
  return token;
}

/** Revokes every link of the work order still open; returns how many. */
export async function revokeLinksOf(
  db: Pick<Prisma.TransactionClient, 'estimateLink'>,
  workOrderId: number,
  now = new Date(),
): Promise<number> {
  const { count } = await db.estimateLink.updateMany({
    where: { workOrderId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

/** The one answer for a token that opens nothing: unknown, expired and revoked alike. */
const linkRefused = () =>
  new AppError('NOT_FOUND', 'this link does not open anything: it expired or was replaced');

/**
 * The work order a token opens: the one it was made for, while it has not expired nor been
 * revoked. Nothing else is reachable through it.
 */
export async function workOrderOfToken(
  prisma: Pick<PrismaClient, 'estimateLink'>,
  token: string,
  now = new Date(),
): Promise<{ workOrderId: number; customerId: number }> {
  const link = await prisma.estimateLink.findUnique({
    where: { tokenHash: tokenHashOf(token) },
    select: {
      expiresAt: true,
      revokedAt: true,
      workOrder: { select: { id: true, customerId: true } },
    },
  });
  if (!link || link.revokedAt || link.expiresAt <= now) throw linkRefused();
  return { workOrderId: link.workOrder.id, customerId: link.workOrder.customerId };
}

/** The links of a work order, newest first, for staff: when made, until when, whether revoked. */
export function linksOf(prisma: PrismaClient, workOrderId: number) {
  return prisma.estimateLink.findMany({
    where: { workOrderId },
    orderBy: { id: 'desc' },
    select: { id: true, createdAt: true, expiresAt: true, revokedAt: true },
  });
}
