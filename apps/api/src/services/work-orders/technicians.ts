import type { Prisma, PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import { personSelect } from './selects';

const technicianWhere = {
  isTechnician: true,
  role: { in: ['staff', 'admin'] },
} satisfies Prisma.UserWhereInput;

/** The staff who work on cars, for the technician pickers, by name. */
export function listTechnicians(prisma: PrismaClient) {
  return prisma.user.findMany({
    where: technicianWhere,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: personSelect,
  });
}

/** Refuses (BAD_REQUEST on `technicianId`) an id that is not a technician's. */
export async function ensureTechnician(tx: Prisma.TransactionClient, userId: number) {
  const technician = await tx.user.findFirst({
    where: { id: userId, ...technicianWhere },
    select: { id: true },
  });
  if (!technician) throw AppError.badInput('technicianId', 'is not a technician of the shop');
}
