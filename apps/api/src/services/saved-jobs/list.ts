import type { PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import { type SavedJob, savedJobSelect, toSavedJob } from './shape';

/** Every saved job, by name: a shop keeps dozens, not thousands. */
export async function listSavedJobs(prisma: PrismaClient): Promise<SavedJob[]> {
  const rows = await prisma.savedJob.findMany({
    select: savedJobSelect,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toSavedJob);
}

/** One saved job, or NOT_FOUND. */
export async function getSavedJob(prisma: PrismaClient, id: number): Promise<SavedJob> {
  const row = await prisma.savedJob.findUnique({ where: { id }, select: savedJobSelect });
  if (!row) throw AppError.notFound('saved job');
  return toSavedJob(row);
}
