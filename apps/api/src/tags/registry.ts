import { type WorkOrderStatus, workOrderStatuses } from '../domain/work-orders/status';
import type { CustomerReach } from './customer-reach';

// Every kind of cache tag the API attaches to answers and invalidates on writes, each declared
// once: how it is built, and who may hear that it was invalidated (on a live stream, and in a
// mutation's answer). The live filter and the tag type routers declare with are derived from
// here; a tag no kind declares is heard by nobody.

/**
 * Who may hear of a tag: staff (and admins), with the customers `customer` names from their
 * reach; or, for a session's own tag, nobody outside that session.
 */
type Hearers<TKey> =
  | { staff: true; customer: (reach: CustomerReach, key: TKey) => boolean }
  | { session: true };

/** What the registry says of one tag: who hears it. */
export interface Hearing {
  staff: boolean;
  /** Whether the customer of `reach` hears it. */
  customer(reach: CustomerReach): boolean;
  /** A session's own tag: heard by nobody, ending that session's streams. */
  session: boolean;
  /**
   * The customer whose reach a write naming this tag may change (a vehicle moved to or from
   * them, a work order opened for them): their live filter reads it again.
   */
  movesReachOf: number | undefined;
}

interface KindSpec<TKey> {
  /** The key of `tag` when it is of this kind. */
  keyOf(tag: string): TKey | undefined;
  heardBy: Hearers<TKey>;
  /** A write naming the tag of customer `key` may change that customer's reach. */
  movesReach?: (key: TKey) => number;
}

/** What every kind offers the live filter: its verdict on a tag, undefined when not of it. */
interface TagKind {
  hearing(tag: string): Hearing | undefined;
}

function kind<TKey>(spec: KindSpec<TKey>): TagKind {
  return {
    hearing(tag) {
      const key = spec.keyOf(tag);
      if (key === undefined) return undefined;
      const { heardBy } = spec;
      return 'session' in heardBy
        ? { staff: false, customer: () => false, session: true, movesReachOf: undefined }
        : {
            staff: true,
            customer: (reach) => heardBy.customer(reach, key),
            session: false,
            movesReachOf: spec.movesReach?.(key),
          };
    },
  };
}

const idPattern = /^[1-9]\d{0,15}$/;

/** A kind keyed by a row's id: `owner:7`. */
function byId<P extends string>(prefix: P, heardBy: Hearers<number>, movesReach = false) {
  return {
    ...kind<number>({
      keyOf: (tag) => {
        if (!tag.startsWith(prefix)) return undefined;
        const id = tag.slice(prefix.length);
        return idPattern.test(id) ? Number(id) : undefined;
      },
      heardBy,
      ...(movesReach ? { movesReach: (id: number) => id } : {}),
    }),
    build: (id: number): `${P}${number}` => `${prefix}${id}`,
  };
}

/** A kind of one tag only: `reminders`. */
function single<T extends string>(tag: T, heardBy: Hearers<T>) {
  return { ...kind<T>({ keyOf: (named) => (named === tag ? tag : undefined), heardBy }), tag };
}

const staffOnly: Hearers<unknown> = { staff: true, customer: () => false };
const everyone: Hearers<unknown> = { staff: true, customer: () => true };
/** Staff, and the customer the tag is keyed by. */
const thatCustomer: Hearers<number> = {
  staff: true,
  customer: (reach, customerId) => customerId === reach.customerId,
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A kind keyed by a calendar day in the shop's zone: `schedule:day:2026-03-02`. */
function byDay<P extends string>(prefix: P, heardBy: Hearers<string>) {
  return {
    ...kind<string>({
      keyOf: (tag) => {
        const day = tag.startsWith(prefix) ? tag.slice(prefix.length) : '';
        return dayPattern.test(day) ? day : undefined;
      },
      heardBy,
    }),
    build: (day: string): `${P}${string}` => `${prefix}${day}`,
  };
}

const statuses: ReadonlySet<string> = new Set(workOrderStatuses);
const isStatus = (key: string): key is WorkOrderStatus => statuses.has(key);
const statusPrefix = 'workorders:status:';
const sessionPrefix = 'session:';

export const tagKinds = {
  /** A customer's record and what is listed by it (their vehicles, the portal). */
  owner: byId('owner:', thatCustomer, true),
  /** A vehicle's record (plate, mileage, owner): every view that shows it. */
  vehicle: byId('vehicle:', {
    staff: true,
    customer: (reach, vehicleId) => reach.vehicles.has(vehicleId),
  }),
  /** One work order: its page, its row in lists and on the board, its place in histories. */
  workOrder: byId('workorder:', {
    staff: true,
    customer: (reach, workOrderId) => reach.workOrders.has(workOrderId),
  }),
  /**
   * What a vehicle's history lists beyond its record and its work orders' own tags: a work
   * order opened for it, a reading added to its odometer log.
   */
  vehicleHistory: byId('history:', {
    staff: true,
    customer: (reach, vehicleId) => reach.ownedVehicles.has(vehicleId),
  }),
  /**
   * A customer's list of their own work orders in the portal: a new work order for them reaches
   * it without reloading everything else of theirs that `owner:<id>` tags.
   */
  customerWorkOrders: byId('workorders:customer:', thatCustomer, true),

  // Work-order lists filtered by status, technician or search carry a tag per filter, so a work
  // order that starts to match one (moved to that status, given that technician, its concern or
  // its customer's name rewritten) reaches the lists it was not on yet, and no other list.

  /** Lists filtered to this status. */
  workOrderStatus: {
    ...kind<WorkOrderStatus>({
      keyOf: (tag) => {
        const status = tag.startsWith(statusPrefix) ? tag.slice(statusPrefix.length) : '';
        return isStatus(status) ? status : undefined;
      },
      heardBy: staffOnly,
    }),
    build: (status: WorkOrderStatus): `${typeof statusPrefix}${WorkOrderStatus}` =>
      `${statusPrefix}${status}`,
  },
  /** Lists filtered to this technician. */
  technician: byId('workorders:technician:', staffOnly),
  /** Lists filtered by a search (number, plate, customer name, concern). */
  workOrderSearch: single('workorders:search', staffOnly),
  /**
   * The board as a whole: its columns count every work order of their status, shown or not, so
   * every move into or out of an open status reaches it.
   */
  workOrderBoard: single('workorders:board', staffOnly),
  /** The due-soon list: a reminder set or completed by invoicing. */
  reminders: single('reminders', staffOnly),
  // Messages to customers (services/messages/): their delivery, live on staff pages.
  /** A work order's messages and estimate links: written, then queued, sent, failed. */
  workOrderMessages: byId('messages:workorder:', staffOnly),
  /** A customer's messages and their choices (opt-outs). */
  customerMessages: byId('messages:customer:', staffOnly),
  /** The message templates in settings. */
  messageTemplates: single('messages:templates', staffOnly),

  /** The shop's settings, which every signed-in page formats money and times with. */
  settings: single('settings', everyone),
  // Saved jobs and inspections (issue 25).

  /** The shop's saved jobs: their list, and what shows a job's name (templates, inspections). */
  savedJobs: single('savedjobs', staffOnly),
  /** The shop's inspection templates. */
  inspectionTemplates: single('inspection-templates', staffOnly),
  /** The inspection of one work order (keyed by the work order): heard where the work order is. */
  inspection: byId('inspection:', {
    staff: true,
    customer: (reach, workOrderId) => reach.workOrders.has(workOrderId),
  }),
  /** A vehicle's measurements across visits: heard by staff and by the customer who owns it. */
  measurements: byId('measurements:', {
    staff: true,
    customer: (reach, vehicleId) => reach.ownedVehicles.has(vehicleId),
  }),
  /** The due-soon list's worn parts: any vehicle's measurements moved. */
  wearDueSoon: single('wear-due-soon', staffOnly),

  // The shop's schedule (services/schedule/): a booking names the days it touches (its old and
  // new time when moved); a change of a bay or a technician's hours names that resource.

  /** The staff's day and week views of a day: any booking, move or status change on it. */
  scheduleDay: byDay('schedule:day:', staffOnly),
  /** A bay's name, order or activity: every view that shows its column. */
  scheduleBay: byId('schedule:bay:', staffOnly),
  /** A technician's hours or days off: every view that shows their column or capacity. */
  scheduleTechnician: byId('schedule:technician:', staffOnly),
  /** The schedule's settings as a whole (bays, hours, the portal's offer). */
  scheduleSetup: single('schedule:setup', staffOnly),
  /**
   * The portal's free slots of a day: the same for every customer, and naming nobody, so any
   * signed-in customer may hear that they changed.
   */
  scheduleSlots: byDay('schedule:slots:', everyone),
  /** A customer's own appointments in the portal. */
  customerAppointments: byId('appointments:customer:', thatCustomer),

  /** One session's lookup (by its token's hash): invalidated when it signs out. */
  session: {
    ...kind<string>({
      keyOf: (tag) =>
        tag.startsWith(sessionPrefix) && tag.length > sessionPrefix.length ? tag : undefined,
      heardBy: { session: true },
    }),
    build: (tokenHash: string): `${typeof sessionPrefix}${string}` =>
      `${sessionPrefix}${tokenHash}`,
  },
} as const;

type TagOf<TKind> = TKind extends { build(key: never): infer T }
  ? T
  : TKind extends { tag: infer T }
    ? T
    : never;

/** A cache tag of one of the kinds above: what routers may attach and invalidate. */
export type Tag = TagOf<(typeof tagKinds)[keyof typeof tagKinds]>;

export const ownerTag = tagKinds.owner.build;
export const vehicleTag = tagKinds.vehicle.build;
export const workOrderTag = tagKinds.workOrder.build;
export const vehicleHistoryTag = tagKinds.vehicleHistory.build;
export const customerWorkOrdersTag = tagKinds.customerWorkOrders.build;
export const workOrderStatusTag = tagKinds.workOrderStatus.build;
export const technicianTag = tagKinds.technician.build;
export const workOrderSearchTag = tagKinds.workOrderSearch.tag;
export const workOrderBoardTag = tagKinds.workOrderBoard.tag;
export const remindersTag = tagKinds.reminders.tag;
export const settingsTag = tagKinds.settings.tag;
export const sessionTag = tagKinds.session.build;
export const savedJobsTag = tagKinds.savedJobs.tag;
export const inspectionTemplatesTag = tagKinds.inspectionTemplates.tag;
export const inspectionTag = tagKinds.inspection.build;
export const measurementsTag = tagKinds.measurements.build;
export const wearDueSoonTag = tagKinds.wearDueSoon.tag;
export const workOrderMessagesTag = tagKinds.workOrderMessages.build;
export const customerMessagesTag = tagKinds.customerMessages.build;
export const messageTemplatesTag = tagKinds.messageTemplates.tag;
export const scheduleDayTag = tagKinds.scheduleDay.build;
export const scheduleBayTag = tagKinds.scheduleBay.build;
export const scheduleTechnicianTag = tagKinds.scheduleTechnician.build;
export const scheduleSetupTag = tagKinds.scheduleSetup.tag;
export const scheduleSlotsTag = tagKinds.scheduleSlots.build;
export const customerAppointmentsTag = tagKinds.customerAppointments.build;

/**
 * An answer showing money in the settings' currency (a work order not invoiced yet) changes
 * with the settings; one whose work orders are all invoiced keeps their invoices' currency.
 */
export function moneyTags(
  moneys: Iterable<{ from: 'invoice' | 'settings' }>,
): (typeof settingsTag)[] {
  for (const money of moneys) if (money.from === 'settings') return [settingsTag];
  return [];
}

/** Each distinct owner tag of these customers. */
export function ownerTagsOf(ownerIds: Iterable<number>): ReturnType<typeof ownerTag>[] {
  return [...new Set(ownerIds)].map(ownerTag);
}

const kinds: readonly TagKind[] = Object.values(tagKinds);

/** Who hears of `tag`, by the kind it is of; undefined for a tag no kind declares (nobody). */
export function hearingOf(tag: string): Hearing | undefined {
  for (const each of kinds) {
    const hearing = each.hearing(tag);
    if (hearing) return hearing;
  }
  return undefined;
}
