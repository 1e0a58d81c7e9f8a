import { loadShopSettings, type Prisma, type PrismaClient, type ShopSettings } from '@garage/db';
import { AppError } from '../../app-error';
import { assertEditable } from '../../domain/work-orders/editing';
import type { LineApproval, LineKind } from '../../domain/work-orders/status';
import { lineAmounts, parseQuantity, workOrderTotals } from '../../domain/work-orders/totals';
import { applyEdit, applyRemoval } from '../versions';
import { writtenDetail } from './detail';
import { canonicalQuantity, versionedLine } from './line-versions';
import { lockWorkOrder } from './locks';
import { pricedLineSelect } from './selects';
import { pricedLine } from './shape';

export type NewLine = {
  kind: LineKind;
  description: string;
  /** Decimal text, up to two places. */
  quantity: string;
  /** Omitted on a labour line: the shop's labour rate. */
  unitPriceCents?: number | undefined;
  /** Omitted: the shop's tax rate. */
  taxRateBps?: number | undefined;
  partNumber?: string | null | undefined;
};

/** The named fields of a line to change; undefined ones are left as they are. */
export type LineChanges = Partial<NewLine>;

/**
 * Refuses lines whose amounts would make their work order's totals too large to hold in cents,
 * checked over every line as they would be after the write, inside its transaction (so nothing
 * is written): BAD_REQUEST naming the price when the request gave one, else the quantity.
 */
async function checkTotalsWith(
  tx: Prisma.TransactionClient,
  workOrderId: number,
  lines: {
    id?: number;
    quantity: string;
    unitPriceCents: number;
    taxRateBps: number;
    approval: LineApproval;
  }[],
  request: { unitPriceCents?: number | undefined },
): Promise<void> {
  const replaced = lines.flatMap((line) => (line.id === undefined ? [] : [line.id]));
  const others = await tx.workOrderLine.findMany({
    where: { workOrderId, ...(replaced.length ? { id: { notIn: replaced } } : {}) },
    select: pricedLineSelect,
  });
  const field = request.unitPriceCents === undefined ? 'quantity' : 'unitPriceCents';
  workOrderTotals([...others.map(pricedLine), ...lines], field);
}

/** Where new lines come from, when not typed: the inspection finding they recommend work for. */
export type LineOrigin = { findingId?: number };

/** A finding becomes lines once: checked under its work order's lock, so two clicks add one set. */
async function assertNotRecommended(tx: Prisma.TransactionClient, findingId: number) {
  if ((await tx.workOrderLine.count({ where: { findingId } })) > 0) {
    throw new AppError('CONFLICT', 'this finding is already on the work order');
  }
}

/**
 * Adds a line at the end of an open work order, `pending` the customer's decision (after
 * approval too: the work order then awaits approval again). The tax rate defaults to the
 * shop's; a labour line's unit price to the shop's labour rate; a part or fee needs its price.
 */
export async function addLine(prisma: PrismaClient, workOrderId: number, line: NewLine) {
  return addLines(prisma, workOrderId, [line]);
}

/**
 * Adds `lines` at the end of an open work order in one transaction, each priced as `addLine`
 * prices a typed line (so a saved job inserted totals what its lines typed one by one would).
 */
export async function addLines(
  prisma: PrismaClient,
  workOrderId: number,
  lines: readonly NewLine[],
  origin: LineOrigin = {},
) {
  const settings = await loadShopSettings(prisma);
  await prisma.$transaction((tx) => addLinesInside(tx, settings, workOrderId, lines, origin));
  return writtenDetail(prisma, workOrderId);
}

/** `addLines`' writes inside the caller's transaction (a work order opened in it takes lines). */
export async function addLinesInside(
  tx: Prisma.TransactionClient,
  settings: Pick<ShopSettings, 'defaultLaborRateCents' | 'defaultTaxRateBps'>,
  workOrderId: number,
  lines: readonly NewLine[],
  origin: LineOrigin = {},
): Promise<void> {
  const priced = lines.map((line) => {
    const unitPriceCents =
      line.unitPriceCents ?? (line.kind === 'labor' ? settings.defaultLaborRateCents : undefined);
    if (unitPriceCents === undefined) {
      throw AppError.badInput('unitPriceCents', 'is required for a part or a fee');
    }
    const amounts = {
      quantity: line.quantity,
      unitPriceCents,
      taxRateBps: line.taxRateBps ?? settings.defaultTaxRateBps,
    };
    // Refuses amounts too large to compute, naming the field, before anything is written.
    lineAmounts(amounts);
    return { line, amounts };
  });
  const request = {
    unitPriceCents: lines.find((line) => line.unitPriceCents !== undefined)?.unitPriceCents,
  };
  const workOrder = await lockWorkOrder(tx, workOrderId);
  assertEditable(workOrder.status);
  if (origin.findingId !== undefined) await assertNotRecommended(tx, origin.findingId);
  const pending = priced.map(({ amounts }) => ({ ...amounts, approval: 'pending' as const }));
  await checkTotalsWith(tx, workOrderId, pending, request);
  const last = await tx.workOrderLine.aggregate({
    where: { workOrderId },
    _max: { position: true },
  });
  const first = (last._max.position ?? 0) + 1;
  await tx.workOrderLine.createMany({
    data: priced.map(({ line, amounts }, index) => ({
      workOrderId,
      position: first + index,
      kind: line.kind,
      description: line.description,
      partNumber: line.partNumber ?? null,
      ...amounts,
      approval: 'pending',
      findingId: origin.findingId ?? null,
    })),
  });
}

/** The line and its work order's row lock, or NOT_FOUND. */
async function lockLine(tx: Prisma.TransactionClient, lineId: number) {
  const owner = await tx.workOrderLine.findUnique({
    where: { id: lineId },
    select: { workOrderId: true },
  });
  if (!owner) throw AppError.notFound('work order line');
  const workOrder = await lockWorkOrder(tx, owner.workOrderId);
  // Read again under the lock: a concurrent removal may have come first.
  const line = await tx.workOrderLine.findUnique({ where: { id: lineId } });
  if (!line) throw AppError.notFound('work order line');
  return { workOrder, line };
}

/**
 * Changes the named fields of a line on an open work order, if the line is still at `version`
 * (CONFLICT naming what changed since otherwise, nothing written; a decision is not a change of
 * the line). A change to what the customer agreed to pay (kind, quantity, price, tax rate) puts
 * a decided line back to `pending`; a reworded description or a part number keeps the decision.
 */
export async function updateLine(
  prisma: PrismaClient,
  lineId: number,
  version: number,
  changes: LineChanges,
  byId: number,
) {
  const workOrderId = await prisma.$transaction(async (tx) => {
    const { workOrder, line } = await lockLine(tx, lineId);
    assertEditable(workOrder.status);
    const currentQuantity = line.quantity.toString();
    const priced = {
      quantity: changes.quantity ?? currentQuantity,
      unitPriceCents: changes.unitPriceCents ?? line.unitPriceCents,
      taxRateBps: changes.taxRateBps ?? line.taxRateBps,
    };
    lineAmounts(priced);
    const repriced =
      (changes.kind ?? line.kind) !== line.kind ||
      parseQuantity(priced.quantity) !== parseQuantity(currentQuantity) ||
      priced.unitPriceCents !== line.unitPriceCents ||
      priced.taxRateBps !== line.taxRateBps;
    const approval = repriced ? 'pending' : line.approval;
    await checkTotalsWith(tx, workOrder.id, [{ id: line.id, ...priced, approval }], changes);
    await applyEdit(tx, {
      ...versionedLine(tx, lineId, version),
      changes: {
        ...changes,
        quantity: changes.quantity === undefined ? undefined : canonicalQuantity(changes.quantity),
      },
      byId,
      write: (data) =>
        tx.workOrderLine.updateMany({
          where: { id: lineId, version },
          data: {
            ...data,
            ...(repriced
              ? { approval: 'pending', decidedById: null, decidedAt: null, decisionChannel: null }
              : {}),
          },
        }),
    });
    return workOrder.id;
  });
  return writtenDetail(prisma, workOrderId);
}

/** Removes a line from an open work order, if the line is still at `version` (CONFLICT otherwise). */
export async function removeLine(prisma: PrismaClient, lineId: number, version: number) {
  const workOrderId = await prisma.$transaction(async (tx) => {
    const { workOrder } = await lockLine(tx, lineId);
    assertEditable(workOrder.status);
    await applyRemoval(tx, {
      ...versionedLine(tx, lineId, version),
      remove: async () =>
        (await tx.workOrderLine.deleteMany({ where: { id: lineId, version } })).count > 0,
    });
    return workOrder.id;
  });
  return writtenDetail(prisma, workOrderId);
}
