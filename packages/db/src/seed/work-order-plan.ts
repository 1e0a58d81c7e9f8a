// Turns a scenario into the rows of one work order, consistent with the work-order rules:
// the status history walks the workflow, approved work orders have every original line
// decided, invoiced ones an invoice snapshot, paid ones payments equal to their total, and
// odometer readings that only grow with time.
import type { Prisma, ShopSettings, WorkOrderStatus } from '../generated/prisma/client';
import { totalCents } from './line-totals';
import { rowRandom } from './random';
import { type JobLine, jobs, type Scenario } from './work-order-data';

export type PlanContext = {
  now: Date;
  vehicle: { id: number; vin: string; year: number };
  customerId: number;
  /** The customer's own account, when they have one (portal decisions). */
  customerUserId: number | null;
  staffId: number;
  technicianIds: readonly [number, number];
  settings: ShopSettings;
};

export type WorkOrderPlan = {
  data: Omit<Prisma.WorkOrderUncheckedCreateInput, 'invoiceNumber'>;
  /** Whether it needs an invoice number (invoiced or paid). */
  invoiced: boolean;
};

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The statuses a work order went through after `estimate` to reach the scenario's status. */
export function statusPath(scenario: Scenario): WorkOrderStatus[] {
  const { status, waitedForParts } = scenario;
  if (status === 'estimate') return [];
  if (status === 'cancelled') {
    const allDeclined = scenario.jobs.every((job) => scenario.declined?.includes(job));
    return allDeclined ? ['cancelled'] : ['approved', 'cancelled'];
  }
  const path: WorkOrderStatus[] = ['approved'];
  if (status === 'approved') return path;
  path.push('in_progress');
  if (waitedForParts || status === 'waiting_parts') path.push('waiting_parts');
  if (status === 'waiting_parts') return path;
  if (waitedForParts) path.push('in_progress');
  if (status === 'in_progress') return path;
  path.push('ready');
  if (status === 'ready') return path;
  path.push('invoiced');
  if (status === 'invoiced') return path;
  path.push('paid');
  return path;
}

/**
 * The odometer of a vehicle at time `at`: a steady distance per day (drawn from its VIN) since
 * the start of the year before its model year. Readings taken this way never go down.
 */
export function odometerAt(vehicle: { vin: string; year: number }, at: Date): number {
  const perDay = 22 + rowRandom(`odometer:${vehicle.vin}`, 0)() * 23;
  const since = Date.UTC(vehicle.year - 1, 0, 1);
  return Math.round((perDay * Math.max(0, at.getTime() - since)) / day);
}

function hundredths(quantity: string): number {
  const [whole = '0', fraction = ''] = quantity.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function lineFields(line: JobLine, settings: ShopSettings) {
  switch (line.kind) {
    case 'labor':
      return {
        kind: line.kind,
        description: line.description,
        partNumber: null,
        quantity: line.hours,
        unitPriceCents: settings.defaultLaborRateCents,
        taxRateBps: settings.defaultTaxRateBps,
      };
    case 'part':
      return {
        kind: line.kind,
        description: line.description,
        partNumber: line.partNumber,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        taxRateBps: settings.defaultTaxRateBps,
      };
    case 'fee':
      return {
        kind: line.kind,
        description: line.description,
        partNumber: null,
        quantity: '1',
        unitPriceCents: line.unitPriceCents,
        taxRateBps: 0,
      };
  }
}

/** The shop settings as an invoice records them. */
export function settingsSnapshot(settings: ShopSettings): Prisma.InputJsonObject {
  const { updatedAt: _updatedAt, id: _id, ...snapshot } = settings;
  return snapshot;
}

/** The rows of one work order for `scenario`, ready for a nested `workOrder.create`. */
export function planWorkOrder(scenario: Scenario, context: PlanContext): WorkOrderPlan {
  const { now, vehicle, staffId, settings } = context;
  const openedAt = new Date(now.getTime() - scenario.daysAgo * day - 9 * hour);
  const path = statusPath(scenario);
  const technicianId =
    scenario.technician === null ? null : context.technicianIds[scenario.technician];
  const deciderId = scenario.decidedInPortal ? context.customerUserId : staffId;

  // Each move comes 75 minutes after the one before; payments may stretch the last ones.
  const changes: { from: WorkOrderStatus; to: WorkOrderStatus; at: Date }[] = [];
  let at = openedAt;
  let from: WorkOrderStatus = 'estimate';
  const payments: Prisma.PaymentUncheckedCreateWithoutWorkOrderInput[] = [];
  const lines = planLines(scenario, context, openedAt);
  const total = totalCents(
    lines
      .filter((line) => line.approval !== 'declined')
      .map((line) => ({
        quantityHundredths: hundredths(line.quantity),
        unitPriceCents: line.unitPriceCents,
        taxRateBps: line.taxRateBps,
      })),
  );
  for (const to of path) {
    at = new Date(at.getTime() + 75 * minute);
    if (to === 'paid') {
      at = paymentsUntilPaid(
        scenario,
        total,
        at,
        { staffId, currency: settings.currency },
        payments,
      );
    }
    changes.push({ from, to, at });
    from = to;
  }
  const when = (status: WorkOrderStatus) => changes.find((change) => change.to === status)?.at;
  const invoicedAt = when('invoiced') ?? null;
  if (scenario.status === 'invoiced' && scenario.payments === 'partial' && invoicedAt) {
    payments.push({
      amountCents: Math.round(total * 0.4),
      currency: settings.currency,
      method: 'card',
      recordedById: staffId,
      at: new Date(invoicedAt.getTime() + 10 * minute),
    });
  }
  const readyAt = when('ready');
  const odometerIn = odometerAt(vehicle, openedAt);
  const odometerOut = readyAt ? odometerAt(vehicle, readyAt) : null;
  const byFor = (to: WorkOrderStatus) => {
    if (to === 'approved') return deciderId;
    if (to === 'in_progress' || to === 'waiting_parts' || to === 'ready') {
      return technicianId ?? staffId;
    }
    return staffId;
  };

  return {
    invoiced: invoicedAt !== null,
    data: {
      vehicleId: vehicle.id,
      customerId: context.customerId,
      status: scenario.status,
      concern: jobs[scenario.jobs[0] ?? 'diagnosis'].concern,
      technicianId,
      odometerIn,
      odometerOut,
      promisedAt: path.includes('invoiced') ? null : new Date(openedAt.getTime() + 32 * hour),
      createdAt: openedAt,
      approvedAt: when('approved') ?? null,
      invoicedAt,
      paidAt: when('paid') ?? null,
      cancelledAt: when('cancelled') ?? null,
      invoiceSettings: invoicedAt ? settingsSnapshot(settings) : undefined,
      lines: { create: lines },
      payments: { create: payments },
      statusChanges: {
        create: [
          { from: null, to: 'estimate', byId: staffId, at: openedAt },
          ...changes.map((change) => ({ ...change, byId: byFor(change.to) })),
        ],
      },
      odometerReadings: {
        create: [
          { vehicleId: vehicle.id, reading: odometerIn, at: openedAt, source: 'work_order_in' },
          ...(readyAt && odometerOut !== null
            ? [
                {
                  vehicleId: vehicle.id,
                  reading: odometerOut,
                  at: readyAt,
                  source: 'work_order_out' as const,
                },
              ]
            : []),
        ],
      },
      remindersSet: {
        create:
          scenario.nextService && invoicedAt && odometerOut !== null
            ? [
                {
                  vehicleId: vehicle.id,
                  description: scenario.nextService.description,
                  dueMileage: odometerOut + scenario.nextService.afterMiles,
                  dueDate: startOfDay(
                    new Date(invoicedAt.getTime() + scenario.nextService.afterDays * day),
                  ),
                  setById: staffId,
                  createdAt: invoicedAt,
                },
              ]
            : [],
      },
    },
  };
}

function startOfDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** Records the payments of a paid work order from `invoicedAt` on; returns when it was paid. */
function paymentsUntilPaid(
  scenario: Scenario,
  total: number,
  invoicedAt: Date,
  taken: { staffId: number; currency: string },
  payments: Prisma.PaymentUncheckedCreateWithoutWorkOrderInput[],
): Date {
  const { staffId: recordedById, currency } = taken;
  const first = new Date(invoicedAt.getTime() + 15 * minute);
  if (scenario.payments !== 'two' || total < 2) {
    payments.push({ amountCents: total, currency, method: 'card', recordedById, at: first });
    return first;
  }
  const deposit = Math.floor(total / 2);
  const rest = new Date(invoicedAt.getTime() + 3 * day);
  payments.push(
    { amountCents: deposit, currency, method: 'cash', recordedById, at: first },
    { amountCents: total - deposit, currency, method: 'card', recordedById, at: rest },
  );
  return rest;
}

type PlannedLine = Prisma.WorkOrderLineUncheckedCreateWithoutWorkOrderInput & {
  quantity: string;
  unitPriceCents: number;
  taxRateBps: number;
};

function planLines(scenario: Scenario, context: PlanContext, openedAt: Date): PlannedLine[] {
  const decided = scenario.status !== 'estimate';
  // Decisions come just before the approval (or the cancellation), 70 minutes after opening.
  const decidedAt = new Date(openedAt.getTime() + 70 * minute);
  const deciderId = scenario.decidedInPortal ? context.customerUserId : context.staffId;
  const planned: PlannedLine[] = [];
  for (const name of scenario.jobs) {
    const declined = scenario.declined?.includes(name) ?? false;
    for (const line of jobs[name].lines) {
      planned.push({
        ...lineFields(line, context.settings),
        position: planned.length + 1,
        approval: decided ? (declined ? 'declined' : 'approved') : 'pending',
        decidedById: decided ? deciderId : null,
        decidedAt: decided ? decidedAt : null,
        decisionChannel: decided ? (scenario.decidedInPortal ? 'portal' : 'phone') : null,
        createdAt: openedAt,
      });
    }
  }
  if (scenario.addedAfterApproval) {
    // Found during the work, three hours in: pending, so the work order awaits approval.
    const addedAt = new Date(openedAt.getTime() + 3 * hour);
    for (const line of jobs[scenario.addedAfterApproval].lines) {
      planned.push({
        ...lineFields(line, context.settings),
        position: planned.length + 1,
        approval: 'pending',
        createdAt: addedAt,
      });
    }
  }
  return planned;
}
