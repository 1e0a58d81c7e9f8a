import type { InvalidationEvent } from '@garage/cache';
import type { PrismaClient } from '@garage/db';
import type { SessionUser } from '../../auth/sessions';
import { type CustomerReach, customerReach } from '../../tags/customer-reach';
import { type Hearing, hearingOf } from '../../tags/registry';

/** What a live stream sends: tags and routes to refetch, or "refetch everything you show". */
export type LiveEvent =
  | { kind: 'invalidated'; tags: string[]; routes: string[] }
  | { kind: 'missed' };

/**
 * Principals who hear exactly the same events: all staff and admins, or one customer. A live
 * event is filtered and serialized once per audience, whatever the number of its streams.
 */
export interface Audience {
  /** `staff`, `customer:<id>`, or `nobody` (a customer account without a customer record). */
  readonly key: string;
  /** The event as this audience may hear it, or undefined when nothing of it is theirs. */
  filter(event: InvalidationEvent): Promise<LiveEvent | undefined>;
}

type Role = SessionUser['role'];

/** The audiences of signed-in principals, with the one rule they all follow. */
export interface Audiences {
  /** The key of the audience `user` belongs to (no database read). */
  keyOf(user: SessionUser): string;
  /** A new audience for `user` (a customer's reads their reach). */
  create(user: SessionUser): Promise<Audience>;
  /** What `user` may hear of `event`, as their live stream would be told of it. */
  filterFor(user: SessionUser | null, event: InvalidationEvent): Promise<LiveEvent | undefined>;
}

/** The event with what passed, each tag once (a write may name one owner as old and new). */
function narrowed(tags: string[], routes: string[]): LiveEvent | undefined {
  if (tags.length === 0 && routes.length === 0) return undefined;
  return { kind: 'invalidated', tags: [...new Set(tags)], routes: [...new Set(routes)] };
}

/** Each tag's verdict, once per distinct tag (lists name a popular tag many times). */
function hearingsOf(tags: readonly string[]): Map<string, Hearing | undefined> {
  const hearings = new Map<string, Hearing | undefined>();
  for (const tag of tags) if (!hearings.has(tag)) hearings.set(tag, hearingOf(tag));
  return hearings;
}

/**
 * The audiences, from the tag registry (which tags each may hear) and `callersOf` (which
 * roles may call a route: a route invalidation reaches those who could have loaded it).
 */
export function createAudiences(deps: {
  prisma: PrismaClient;
  callersOf: (route: string) => readonly Role[];
}): Audiences {
  const hearsRoute = (route: string, heard: (role: Role) => boolean) =>
    deps.callersOf(route).some(heard);
  const isStaff = (role: Role) => role !== 'customer';
  const isCustomer = (role: Role) => role === 'customer';

  const staff: Audience = {
    key: 'staff',
    async filter(event) {
      if (event.kind !== 'invalidated') return { kind: 'missed' };
      const hearings = hearingsOf(event.tags);
      return narrowed(
        event.tags.filter((tag) => hearings.get(tag)?.staff === true),
        event.routes.filter((route) => hearsRoute(route, isStaff)),
      );
    },
  };
  const nobody: Audience = { key: 'nobody', filter: async () => undefined };

  /**
   * A customer hears the tags the registry gives their reach. Their reach is read again when an
   * event may have changed it (a vehicle moved to or from them, a new work order for them), and
   * such an event is judged by the reach before and after it: the old owner of a vehicle that
   * moved still has it on screen.
   */
  async function customerAudience(customerId: number): Promise<Audience> {
    let reach = await customerReach(deps.prisma, customerId);
    return {
      key: `customer:${customerId}`,
      async filter(event) {
        if (event.kind !== 'invalidated') return { kind: 'missed' };
        const hearings = hearingsOf(event.tags);
        let judged: CustomerReach[] = [reach];
        if ([...hearings.values()].some((hearing) => hearing?.movesReachOf === customerId)) {
          const before = reach;
          reach = await customerReach(deps.prisma, customerId);
          judged = [before, reach];
        }
        const hears = (hearing: Hearing | undefined) =>
          hearing !== undefined && judged.some((each) => hearing.customer(each));
        return narrowed(
          event.tags.filter((tag) => hears(hearings.get(tag))),
          event.routes.filter((route) => hearsRoute(route, isCustomer)),
        );
      },
    };
  }

  const keyOf = (user: SessionUser) =>
    user.role !== 'customer'
      ? staff.key
      : user.customerId === null
        ? nobody.key
        : `customer:${user.customerId}`;

  async function create(user: SessionUser): Promise<Audience> {
    if (user.role !== 'customer') return staff;
    return user.customerId === null ? nobody : customerAudience(user.customerId);
  }

  return {
    keyOf,
    create,
    async filterFor(user, event) {
      return user ? (await create(user)).filter(event) : undefined;
    },
  };
}
