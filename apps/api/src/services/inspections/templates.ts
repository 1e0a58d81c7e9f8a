import type { Prisma, PrismaClient } from '@garage/db';
import type { templateItem } from '@garage/validators';
import type { z } from 'zod';
import { AppError } from '../../app-error';
import { applyEdit, applyRemoval, type Stored } from '../versions';
import { numberOf } from './decimal';

type TemplateItemInput = z.output<typeof templateItem>;

const templateSelect = {
  id: true,
  name: true,
  isDefault: true,
  version: true,
  updatedAt: true,
  items: {
    orderBy: { position: 'asc' },
    select: {
      id: true,
      section: true,
      label: true,
      unit: true,
      advisoryLimit: true,
      requiredLimit: true,
      savedJob: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.InspectionTemplateSelect;

type TemplateRow = Prisma.InspectionTemplateGetPayload<{ select: typeof templateSelect }>;

function toTemplate(row: TemplateRow) {
  return {
    ...row,
    items: row.items.map((item) => ({
      ...item,
      advisoryLimit: numberOf(item.advisoryLimit),
      requiredLimit: numberOf(item.requiredLimit),
    })),
  };
}

export type InspectionTemplate = ReturnType<typeof toTemplate>;

/** Every template, the default first. */
export async function listTemplates(prisma: PrismaClient): Promise<InspectionTemplate[]> {
  const rows = await prisma.inspectionTemplate.findMany({
    select: templateSelect,
    orderBy: [{ isDefault: 'desc' }, { name: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toTemplate);
}

async function getTemplate(prisma: PrismaClient, id: number) {
  const row = await prisma.inspectionTemplate.findUnique({ where: { id }, select: templateSelect });
  if (!row) throw AppError.notFound('inspection template');
  return toTemplate(row);
}

/** Refuses an item naming a saved job there is none of, before anything is written. */
async function checkSavedJobs(tx: Prisma.TransactionClient, items: readonly TemplateItemInput[]) {
  const named = [...new Set(items.flatMap((item) => (item.savedJobId ? [item.savedJobId] : [])))];
  if (named.length === 0) return;
  const found = await tx.savedJob.findMany({ where: { id: { in: named } }, select: { id: true } });
  const known = new Set(found.map((job) => job.id));
  const index = items.findIndex((item) => item.savedJobId && !known.has(item.savedJobId));
  if (index >= 0) throw AppError.badInput(`items.${index}.savedJobId`, 'is not a saved job');
}

const itemRows = (items: readonly TemplateItemInput[]) =>
  items.map((item, index) => ({ ...item, position: index + 1 }));

/** Makes `id` the one default template. */
async function makeDefault(tx: Prisma.TransactionClient, id: number) {
  await tx.inspectionTemplate.updateMany({
    where: { isDefault: true, id: { not: id } },
    data: { isDefault: false },
  });
}

export async function createTemplate(
  prisma: PrismaClient,
  template: { name: string; isDefault: boolean; items: TemplateItemInput[] },
) {
  const id = await prisma.$transaction(async (tx) => {
    await checkSavedJobs(tx, template.items);
    const created = await tx.inspectionTemplate.create({
      data: {
        name: template.name,
        isDefault: template.isDefault,
        items: { create: itemRows(template.items) },
      },
      select: { id: true },
    });
    if (template.isDefault) await makeDefault(tx, created.id);
    return created.id;
  });
  return getTemplate(prisma, id);
}

type TemplateFields = { name: string; isDefault: boolean; items: string };

function versioned(tx: Prisma.TransactionClient, id: number, basedOn: number) {
  return {
    record: 'inspection_template' as const,
    noun: 'inspection template',
    id,
    basedOn,
    load: async (): Promise<Stored<TemplateFields> | null> => {
      const row = await tx.inspectionTemplate.findUnique({
        where: { id },
        select: {
          version: true,
          name: true,
          isDefault: true,
          items: {
            orderBy: { position: 'asc' },
            select: {
              section: true,
              label: true,
              unit: true,
              advisoryLimit: true,
              requiredLimit: true,
              savedJobId: true,
            },
          },
        },
      });
      if (!row) return null;
      const { version, items, ...values } = row;
      const asInput = items.map((item) => ({
        ...item,
        advisoryLimit: item.advisoryLimit?.toString() ?? null,
        requiredLimit: item.requiredLimit?.toString() ?? null,
      }));
      return { version, values: { ...values, items: itemsText(asInput) } };
    },
  };
}

/**
 * The items as an edit compares them: one text (limits by value), which a conflict carries as
 * the items' newer value: a JSON list of items by their input's field names.
 */
function itemsText(items: readonly TemplateItemInput[]): string {
  return JSON.stringify(
    items.map((item) => ({
      section: item.section,
      label: item.label,
      unit: item.unit,
      advisoryLimit: item.advisoryLimit === null ? null : Number(item.advisoryLimit),
      requiredLimit: item.requiredLimit === null ? null : Number(item.requiredLimit),
      savedJobId: item.savedJobId,
    })),
  );
}

/**
 * Changes the named fields of a template still at `version`; `items`, when named, replace its
 * items. Inspections started from it keep the items they copied.
 */
export async function updateTemplate(
  prisma: PrismaClient,
  id: number,
  version: number,
  changes: {
    name?: string | undefined;
    isDefault?: boolean | undefined;
    items?: TemplateItemInput[] | undefined;
  },
  byId: number,
) {
  const { items, ...fields } = changes;
  await prisma.$transaction(async (tx) => {
    if (items) await checkSavedJobs(tx, items);
    const changed = await applyEdit(tx, {
      ...versioned(tx, id, version),
      changes: { ...fields, items: items && itemsText(items) },
      byId,
      write: ({ items: _text, ...data }) =>
        tx.inspectionTemplate.updateMany({ where: { id, version }, data }),
    });
    if (items && changed.includes('items')) {
      await tx.inspectionTemplateItem.deleteMany({ where: { templateId: id } });
      await tx.inspectionTemplateItem.createMany({
        data: itemRows(items).map((item) => ({ ...item, templateId: id })),
      });
    }
    if (fields.isDefault) await makeDefault(tx, id);
  });
  return getTemplate(prisma, id);
}

/** Removes a template still at `version`; inspections started from it keep their items. */
export async function removeTemplate(prisma: PrismaClient, id: number, version: number) {
  await prisma.$transaction((tx) =>
    applyRemoval(tx, {
      ...versioned(tx, id, version),
      remove: async () =>
        (await tx.inspectionTemplate.deleteMany({ where: { id, version } })).count > 0,
    }),
  );
  return { id };
}
