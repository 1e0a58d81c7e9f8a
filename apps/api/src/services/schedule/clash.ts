import type { Prisma, PrismaClient } from '@garage/db';
import { AppError } from '../../app-error';
import { holdingStatuses } from '../../domain/schedule/appointment-status';
import type { Interval } from '../../domain/schedule/intervals';
import { clockLabel } from '../../domain/schedule/shop-clock';

// A booking that meets the exclusion constraints' refusal (SQLSTATE 23P01), in words: which bay
// or technician, held by which appointment, when.

const constraints = {
  Appointment_bay_no_overlap: 'bay',
  Appointment_technician_no_overlap: 'technician',
} as const;

type Resource = (typeof constraints)[keyof typeof constraints];

/** Whether any string field or message of `error` or of its causes contains one of `needles`. */
function mentions(error: unknown, needles: readonly string[]): string | null {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): string | null => {
    if (depth > 6 || typeof value !== 'object' || value === null || seen.has(value)) return null;
    seen.add(value);
    const texts = Object.values(value).filter(
      (field): field is string => typeof field === 'string',
    );
    if (value instanceof Error) texts.push(value.message);
    const found = needles.find((needle) => texts.some((text) => text.includes(needle)));
    if (found) return found;
    for (const inner of Object.values(value)) {
      const deeper = visit(inner, depth + 1);
      if (deeper) return deeper;
    }
    return value instanceof Error ? visit(value.cause, depth + 1) : null;
  };
  return visit(error, 0);
}

/** The resource whose exclusion constraint refused a write, searching the error's causes. */
export function exclusionRefusal(error: unknown): Resource | null {
  const name = mentions(error, Object.keys(constraints));
  return Object.entries(constraints).find(([constraint]) => constraint === name)?.[1] ?? null;
}

/**
 * Whether PostgreSQL broke a deadlock by failing this write: two bookings of one slot that
 * insert at the same instant may each wait for the other in the exclusion check; tried again,
 * the loser meets the winner's committed row and is refused by the constraint.
 */
export const isDeadlock = (error: unknown): boolean =>
  mentions(error, ['40P01', 'deadlock detected', 'P2034']) !== null;

/**
 * The CONFLICT for a booking of `interval` refused because `resource` is taken: names the
 * appointment that holds it and when (staff), or only that it was taken (`anonymous`, the portal).
 */
export async function clashError(
  tx: PrismaClient | Prisma.TransactionClient,
  options: {
    resource: Resource;
    resourceId: number;
    interval: Interval;
    timeZone: string;
    excludeId?: number;
    anonymous?: boolean;
  },
): Promise<AppError> {
  const { resource, resourceId, interval, timeZone } = options;
  const field = resource === 'bay' ? 'bayId' : 'technicianId';
  if (options.anonymous) {
    return AppError.onField('CONFLICT', 'startsAt', 'this time was just taken: choose another');
  }
  const holder = await tx.appointment.findFirst({
    where: {
      [field]: resourceId,
      status: { in: [...holdingStatuses] },
      startsAt: { lt: interval.end },
      endsAt: { gt: interval.start },
      ...(options.excludeId ? { id: { not: options.excludeId } } : {}),
    },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      draftName: true,
      customer: { select: { name: true } },
      bay: { select: { name: true } },
      technician: { select: { name: true } },
    },
  });
  const what =
    resource === 'bay'
      ? (holder?.bay?.name ?? 'the bay')
      : (holder?.technician?.name ?? 'the technician');
  const who = holder?.customer?.name ?? holder?.draftName ?? 'another appointment';
  const when = holder
    ? `${clockLabel(holder.startsAt, timeZone)}-${clockLabel(holder.endsAt, timeZone)}`
    : '';
  return AppError.onField(
    'CONFLICT',
    field,
    holder
      ? `${what} is booked ${when} for ${who} (appointment ${holder.id})`
      : `${what} was just booked at this time`,
  );
}
