import type { RouterInputs, RouterOutputs } from '@garage/api';
import type { APIRequestContext } from '@playwright/test';
import { mutate, query } from './api';
import { validVin } from './vin';

// The records the invoicing and portal flows start from, made as staff through the API (see
// api.ts): a vehicle of the flow's own, so no other flow's moves or work orders get in the way.

type Vehicle = RouterOutputs['vehicle']['create'];
type WorkOrder = RouterOutputs['workOrder']['byId'];
type NewLine = Omit<RouterInputs['workOrder']['addLine'], 'workOrderId'>;

/** The id of the customer record called exactly `name`. */
export async function customerIdOf(staff: APIRequestContext, name: string): Promise<number> {
  const page = await query(staff, 'customer', 'list', { search: name });
  const found = page.items.find((customer) => customer.name === name);
  if (!found) throw new Error(`no customer is called ${name}`);
  return found.id;
}

/** A new vehicle for the customer, its plate and VIN made from `tag` (unique per run). */
export async function newVehicle(
  staff: APIRequestContext,
  ownerId: number,
  tag: string,
  model = 'Civic',
): Promise<Vehicle> {
  return mutate(staff, 'vehicle', 'create', {
    ownerId,
    vin: validVin(Number.parseInt(tag, 36) * 7 + model.length),
    plate: `${model.slice(0, 3).toUpperCase()} ${tag}`,
    make: 'Honda',
    model,
    year: 2018,
    mileage: 30_000,
  });
}

/** An estimate for the vehicle with the given lines, every line still awaiting a decision. */
export async function newEstimate(
  staff: APIRequestContext,
  vehicle: Vehicle,
  concern: string,
  lines: readonly NewLine[],
): Promise<WorkOrder> {
  let workOrder: WorkOrder = await mutate(staff, 'workOrder', 'create', {
    vehicleId: vehicle.id,
    concern,
    odometerIn: vehicle.mileage,
  });
  for (const line of lines) {
    workOrder = await mutate(staff, 'workOrder', 'addLine', { workOrderId: workOrder.id, ...line });
  }
  return workOrder;
}

/** Staff records the customer's phone approval of every line, does the work, marks it ready. */
export async function makeReady(staff: APIRequestContext, estimate: WorkOrder): Promise<void> {
  await mutate(staff, 'workOrder', 'decideLines', {
    workOrderId: estimate.id,
    decisions: estimate.lines.map((line) => ({ lineId: line.id, approved: true })),
    channel: 'phone',
  });
  await mutate(staff, 'workOrder', 'setStatus', { id: estimate.id, status: 'in_progress' });
  await mutate(staff, 'workOrder', 'setStatus', { id: estimate.id, status: 'ready' });
}

/** DESIGN.md's example lines: 1.5 h at 120.00 and 4 parts at 7.49, both taxed at 8.25 %. */
export const brakeJob: readonly NewLine[] = [
  {
    kind: 'labor',
    description: 'Replace front brake pads',
    quantity: '1.5',
    unitPriceCents: 12_000,
    taxRateBps: 825,
  },
  {
    kind: 'part',
    description: 'Brake pad set',
    quantity: '4',
    unitPriceCents: 749,
    taxRateBps: 825,
    partNumber: 'BP-4471',
  },
];
