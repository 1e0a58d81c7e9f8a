import type { WorkOrderStatus } from './domain/work-orders/status';

// The cache tags the API attaches to responses and invalidates on writes. The admin panel's
// "clear one owner" is an invalidation of `owner:<customer id>`.

/** A customer's record and what is listed by it (their vehicles, the portal). */
export const ownerTag = (customerId: number) => `owner:${customerId}`;
/** A vehicle's record (plate, mileage, owner): every view that shows it. */
export const vehicleTag = (vehicleId: number) => `vehicle:${vehicleId}`;
/** One work order: its page, its row in lists and on the board, its place in histories. */
export const workOrderTag = (workOrderId: number) => `workorder:${workOrderId}`;
/**
 * What a vehicle's history lists beyond its record and its work orders' own tags: a work order
 * opened for it, a reading added to its odometer log.
 */
export const vehicleHistoryTag = (vehicleId: number) => `history:${vehicleId}`;

/**
 * A customer's list of their own work orders in the portal: a new work order for them reaches
 * it without reloading everything else of theirs that `owner:<id>` tags.
 */
export const customerWorkOrdersTag = (customerId: number) => `workorders:customer:${customerId}`;

// Work-order lists filtered by status, technician or search carry a tag per filter, so a work
// order that starts to match one (moved to that status, given that technician, its concern or
// its customer's name rewritten) reaches the lists it was not on yet, and no other list.

/** Lists filtered to this status. */
export const workOrderStatusTag = (status: WorkOrderStatus) => `workorders:status:${status}`;
/** Lists filtered to this technician. */
export const technicianTag = (userId: number) => `workorders:technician:${userId}`;
/** Lists filtered by a search (number, plate, customer name, concern). */
export const workOrderSearchTag = 'workorders:search';

/**
 * The board as a whole: its columns count every work order of their status, shown or not, so
 * every move into or out of an open status reaches it.
 */
export const workOrderBoardTag = 'workorders:board';

/** The due-soon list: a reminder set or completed by invoicing. */
export const remindersTag = 'reminders';

/** The shop's settings. */
export const settingsTag = 'settings';

/**
 * An answer showing money in the settings' currency (a work order not invoiced yet) changes
 * with the settings; one whose work orders are all invoiced keeps their invoices' currency.
 */
export function moneyTags(moneys: Iterable<{ from: 'invoice' | 'settings' }>): string[] {
  for (const money of moneys) if (money.from === 'settings') return [settingsTag];
  return [];
}

/** Each distinct owner tag of `rows` (rows holding an `ownerId`, or customers by `id`). */
export function ownerTagsOf(ownerIds: Iterable<number>): string[] {
  return [...new Set(ownerIds)].map(ownerTag);
}

// Time to live per route: lists go stale fastest (new rows appear), single records later;
// writes invalidate them at once anyway, so the TTL only bounds what a missed bus message
// or a change made outside the API could leave behind.
export const ttl = {
  list: 30_000,
  record: 60_000,
  portal: 60_000,
  /** Settings, technicians and decoded VINs change rarely (or never: the VIN data ships with us). */
  reference: 300_000,
} as const;
