import type { InvalidationEvent } from '@garage/cache';
import type { PrismaClient } from '@garage/db';
import type { SessionUser } from '../../auth/sessions';
import {
  customerWorkOrdersTag,
  ownerTag,
  vehicleHistoryTag,
  vehicleTag,
  workOrderTag,
} from '../../cache-tags';

/** What a live stream sends: tags and routes to refetch, or "refetch everything you show". */
export type LiveEvent =
  | { kind: 'invalidated'; tags: string[]; routes: string[] }
  | { kind: 'missed' };

/** Narrows the cache's events to what one principal could have loaded. */
export interface EventScope {
  /** The event as this principal may see it, or undefined when nothing of it is theirs. */
  filter(event: InvalidationEvent): Promise<LiveEvent | undefined>;
}

// The tag shapes staff screens carry (cache-tags.ts); anything else (a session's tag above
// all) is never sent. live-scope.test.ts checks each builder there against this list.
const staffTagShapes = [
  /^owner:\d+$/,
  /^vehicle:\d+$/,
  /^workorder:\d+$/,
  /^history:\d+$/,
  /^workorders:[\w:-]+$/,
  /^reminders$/,
  /^settings$/,
];

/** Procedures a customer may call whose cached answers a route invalidation could reach. */
const customerRoutes = new Set([
  'portal.myVehicles',
  'portal.myWorkOrders',
  'vehicle.byId',
  'vehicle.history',
  'workOrder.byId',
]);

/** Routes staff and admins call: everything but the customers' portal. */
const isStaffRoute = (route: string) => !route.startsWith('portal.');

/** The event with what passed, each tag once (a write may name one owner as old and new). */
function narrowed(tags: string[], routes: string[]): LiveEvent | undefined {
  if (tags.length === 0 && routes.length === 0) return undefined;
  return { kind: 'invalidated', tags: [...new Set(tags)], routes: [...new Set(routes)] };
}

/** The scope of one signed-in principal's stream. */
export async function eventScopeFor(prisma: PrismaClient, user: SessionUser): Promise<EventScope> {
  if (user.role !== 'customer') {
    return {
      async filter(event) {
        if (event.kind !== 'invalidated') return { kind: 'missed' };
        return narrowed(
          event.tags.filter((tag) => staffTagShapes.some((shape) => shape.test(tag))),
          event.routes.filter(isStaffRoute),
        );
      },
    };
  }
  const { customerId } = user;
  if (customerId === null) return { filter: async () => undefined };
  return customerScope(prisma, customerId);
}

/**
 * A customer's stream passes the tags that name what they could load: their owner tag and
 * portal list, their vehicles (and those of their work orders), their work orders. Their reach
 * is read again when an event says it may have changed (a vehicle moved to or from them, a new
 * work order for them), and an event is judged by the reach before and after it: the old owner
 * of a vehicle that moved still has it on screen.
 */
async function customerScope(prisma: PrismaClient, customerId: number): Promise<EventScope> {
  const reachChangers = new Set([ownerTag(customerId), customerWorkOrdersTag(customerId)]);
  let reach = await reachOf(prisma, customerId);
  return {
    async filter(event) {
      if (event.kind !== 'invalidated') return { kind: 'missed' };
      let judge = reach;
      if (event.tags.some((tag) => reachChangers.has(tag))) {
        const before = reach;
        reach = await reachOf(prisma, customerId);
        judge = new Set([...before, ...reach]);
      }
      return narrowed(
        event.tags.filter((tag) => judge.has(tag)),
        event.routes.filter((route) => customerRoutes.has(route)),
      );
    },
  };
}

async function reachOf(prisma: PrismaClient, customerId: number): Promise<Set<string>> {
  const [vehicles, workOrders] = await Promise.all([
    prisma.vehicle.findMany({ where: { ownerId: customerId }, select: { id: true } }),
    prisma.workOrder.findMany({
      where: { customerId },
      select: { id: true, vehicleId: true },
    }),
  ]);
  return new Set([
    ownerTag(customerId),
    customerWorkOrdersTag(customerId),
    ...vehicles.flatMap((vehicle) => [vehicleTag(vehicle.id), vehicleHistoryTag(vehicle.id)]),
    ...workOrders.flatMap((workOrder) => [
      workOrderTag(workOrder.id),
      vehicleTag(workOrder.vehicleId),
    ]),
  ]);
}
