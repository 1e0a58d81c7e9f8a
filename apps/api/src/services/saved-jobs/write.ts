import type { Prisma, PrismaClient } from '@garage/db';
import type { SavedJobLineInput } from '@garage/validators';
import { AppError } from '../../app-error';
import { applyEdit, applyRemoval, type Stored } from '../versions';
import { canonicalQuantity } from '../work-orders/line-versions';
import { getSavedJob } from './list';

type SavedJobFields = {
  name: string;
  make: string | null;
  model: string | null;
  yearFrom: number | null;
  yearTo: number | null;
};

export type NewSavedJob = SavedJobFields & { lines: SavedJobLineInput[] };

export type SavedJobChanges = {
  [Field in keyof SavedJobFields]?: SavedJobFields[Field] | undefined;
} & {
  lines?: SavedJobLineInput[] | undefined;
};

/**
 * The lines as an edit compares them: one text, so a save that sends the same lines changes
 * nothing; a conflict carries it as the lines' newer value, a JSON list of lines by their
 * input's field names.
 */
function linesText(lines: readonly SavedJobLineInput[]): string {
  return JSON.stringify(
    lines.map((line) => ({
      kind: line.kind,
      description: line.description,
      partNumber: line.partNumber,
      quantity: canonicalQuantity(line.quantity),
      unitPriceCents: line.unitPriceCents,
      taxRateBps: line.taxRateBps,
    })),
  );
}

const lineRows = (lines: readonly SavedJobLineInput[]) =>
  lines.map((line, index) => ({ ...line, position: index + 1 }));

export async function createSavedJob(prisma: PrismaClient, job: NewSavedJob) {
  const { lines, ...fields } = job;
  const created = await prisma.savedJob.create({
    data: {
      ...fields,
      make: fields.make ?? null,
      model: fields.model ?? null,
      yearFrom: fields.yearFrom ?? null,
      yearTo: fields.yearTo ?? null,
      lines: { create: lineRows(lines) },
    },
    select: { id: true },
  });
  return getSavedJob(prisma, created.id);
}

function versioned(tx: Prisma.TransactionClient, id: number, basedOn: number) {
  return {
    record: 'saved_job' as const,
    noun: 'saved job',
    id,
    basedOn,
    load: async (): Promise<Stored<SavedJobFields & { lines: string }> | null> => {
      const row = await tx.savedJob.findUnique({
        where: { id },
        select: {
          version: true,
          name: true,
          make: true,
          model: true,
          yearFrom: true,
          yearTo: true,
          lines: {
            orderBy: { position: 'asc' },
            select: {
              kind: true,
              description: true,
              partNumber: true,
              quantity: true,
              unitPriceCents: true,
              taxRateBps: true,
            },
          },
        },
      });
      if (!row) return null;
      const { version, lines, ...values } = row;
      const asInput = lines.map((line) => ({ ...line, quantity: line.quantity.toString() }));
      return { version, values: { ...values, lines: linesText(asInput) } };
    },
  };
}

/**
 * Changes the named fields of a saved job still at `version` (CONFLICT naming what changed
 * otherwise); `lines`, when named, replace its lines. Work orders it was inserted into keep the
 * lines they got.
 */
export async function updateSavedJob(
  prisma: PrismaClient,
  id: number,
  version: number,
  changes: SavedJobChanges,
  byId: number,
) {
  const { lines, ...fields } = changes;
  await prisma.$transaction(async (tx) => {
    await checkYearsStillRunForwards(tx, id, fields);
    const changed = await applyEdit(tx, {
      ...versioned(tx, id, version),
      changes: { ...fields, lines: lines && linesText(lines) },
      byId,
      write: ({ lines: _text, ...data }) =>
        tx.savedJob.updateMany({ where: { id, version }, data }),
    });
    if (lines && changed.includes('lines')) {
      await tx.savedJobLine.deleteMany({ where: { savedJobId: id } });
      await tx.savedJobLine.createMany({
        data: lineRows(lines).map((line) => ({ ...line, savedJobId: id })),
      });
    }
  });
  return getSavedJob(prisma, id);
}

/**
 * The input checks a span of years it names whole; a change of one end is checked here against
 * the other as stored, so it is refused naming the field instead of reaching the database's own
 * check (which would be a 500).
 */
async function checkYearsStillRunForwards(
  tx: Prisma.TransactionClient,
  id: number,
  fields: Pick<SavedJobChanges, 'yearFrom' | 'yearTo'>,
) {
  if (fields.yearFrom === undefined && fields.yearTo === undefined) return;
  const stored = await tx.savedJob.findUnique({
    where: { id },
    select: { yearFrom: true, yearTo: true },
  });
  if (!stored) return; // applyEdit answers a missing job
  const yearFrom = fields.yearFrom === undefined ? stored.yearFrom : fields.yearFrom;
  const yearTo = fields.yearTo === undefined ? stored.yearTo : fields.yearTo;
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) {
    throw fields.yearTo === undefined
      ? AppError.badInput('yearFrom', `cannot be after the last year (${yearTo})`)
      : AppError.badInput('yearTo', `cannot be before the first year (${yearFrom})`);
  }
}

/**
 * Removes a saved job still at `version`; template items and inspection items it priced keep
 * none. Answers the work orders whose inspections it priced a finding of (their views change).
 */
export async function removeSavedJob(prisma: PrismaClient, id: number, version: number) {
  return prisma.$transaction(async (tx) => {
    const priced = await tx.inspectionItem.findMany({
      where: { savedJobId: id },
      distinct: ['inspectionId'],
      select: { inspection: { select: { workOrderId: true } } },
    });
    await applyRemoval(tx, {
      ...versioned(tx, id, version),
      remove: async () => (await tx.savedJob.deleteMany({ where: { id, version } })).count > 0,
    });
    return { id, inspectedWorkOrderIds: priced.map((item) => item.inspection.workOrderId) };
  });
}
