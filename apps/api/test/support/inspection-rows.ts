import type { PrismaClient } from '@garage/db';

/**
 * Every row of saved jobs, inspection templates and inspections (photos without their bytes),
 * by id: what a test compares before and after a refused write to them.
 */
export async function inspectionRows(prisma: PrismaClient) {
  const byId = { orderBy: { id: 'asc' } } as const;
  const [savedJobs, savedJobLines, templates, templateItems, inspections, items, photos] =
    await Promise.all([
      prisma.savedJob.findMany(byId),
      prisma.savedJobLine.findMany(byId),
      prisma.inspectionTemplate.findMany(byId),
      prisma.inspectionTemplateItem.findMany(byId),
      prisma.inspection.findMany(byId),
      prisma.inspectionItem.findMany(byId),
      prisma.inspectionPhoto.findMany(byId),
    ]);
  return { savedJobs, savedJobLines, templates, templateItems, inspections, items, photos };
}
