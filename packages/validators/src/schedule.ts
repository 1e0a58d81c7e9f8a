import { z } from 'zod';
import { calendarDate } from './calendar-date';
import {
  boolean,
  id,
  instant,
  mileage,
  number,
  optionalText,
  phone,
  text,
  typeError,
} from './fields';
import { version } from './version';

// The inputs of the shop's schedule: bays, opening and working hours, appointments, and what a
// customer may ask of it in the portal. Hours are minutes after midnight on the shop's wall
// clock, per ISO weekday (1 = Monday ... 7 = Sunday); instants are Dates.

export const appointmentStatuses = [
  'requested',
  'booked',
  'arrived',
  'no_show',
  'cancelled',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** How a booking reached the shop; the portal's own procedures book `portal`. */
export const staffChannels = ['phone', 'walk_in'] as const;

/** The longest appointment: a job planned for longer is booked again on later days. */
export const maxAppointmentHours = 24 * 14;

const weekday = number()
  .int('must be a whole number')
  .min(1, 'must be 1 (Monday) to 7 (Sunday)')
  .max(7, 'must be 1 (Monday) to 7 (Sunday)');

const minuteOfDay = number()
  .int('must be a whole number of minutes')
  .min(0, 'must be 0 (midnight) or later')
  .max(1440, 'must be 1440 (the next midnight) or earlier');

/** Each weekday at most once, each span starting before it ends. */
function spansOfWeek<Span extends { weekday: number }>(
  spans: Span[],
  ctx: z.RefinementCtx,
  startsBeforeEnd: (span: Span) => boolean,
) {
  const seen = new Set<number>();
  spans.forEach((span, index) => {
    if (seen.has(span.weekday)) {
      ctx.addIssue({ code: 'custom', path: [index, 'weekday'], message: 'is listed twice' });
    }
    seen.add(span.weekday);
    if (!startsBeforeEnd(span)) {
      ctx.addIssue({ code: 'custom', path: [index], message: 'must end after it starts' });
    }
  });
}

export const scheduleDayInput = z.strictObject({ day: calendarDate });
/** Seven days from `start`. */
export const scheduleWeekInput = z.strictObject({ start: calendarDate });

export const bayCreateInput = z.strictObject({
  name: text(40),
  active: boolean().optional(),
  position: number().int('must be a whole number').min(0).max(999).optional(),
});
export const bayUpdateInput = bayCreateInput.partial().extend({ id, version });

export const openingHoursInput = z.strictObject({
  hours: z
    .array(z.strictObject({ weekday, opensMinute: minuteOfDay, closesMinute: minuteOfDay }), {
      error: typeError('must be a list of weekdays with their hours'),
    })
    .max(7, 'has at most 7 weekdays')
    .superRefine((spans, ctx) =>
      spansOfWeek(spans, ctx, (span) => span.opensMinute < span.closesMinute),
    ),
});

export const workingHoursInput = z.strictObject({
  technicianId: id,
  hours: z
    .array(z.strictObject({ weekday, startMinute: minuteOfDay, endMinute: minuteOfDay }), {
      error: typeError('must be a list of weekdays with their hours'),
    })
    .max(7, 'has at most 7 weekdays')
    .superRefine((spans, ctx) =>
      spansOfWeek(spans, ctx, (span) => span.startMinute < span.endMinute),
    ),
  daysOff: z
    .array(z.strictObject({ day: calendarDate, reason: optionalText(120) }), {
      error: typeError('must be a list of days'),
    })
    .max(366, 'has at most 366 days'),
});

export const scheduleSettingsInput = z.strictObject({
  portalCutoffHours: number().int('must be a whole number').min(0).max(336).optional(),
  portalSlotMinutes: number().int('must be a whole number').min(15).max(480).optional(),
  portalHorizonDays: number().int('must be a whole number').min(1).max(90).optional(),
});

const concern = text(500, { multiline: true });
const services = z
  .array(text(120), { error: typeError('must be a list of services') })
  .max(20, 'has at most 20 services');
const span = {
  startsAt: instant('must be a date and time'),
  endsAt: instant('must be a date and time'),
};

/** The end comes after the start, and the appointment is no longer than two weeks. */
function checkSpan(value: { startsAt?: Date; endsAt?: Date }, ctx: z.RefinementCtx) {
  if (!value.startsAt || !value.endsAt) return;
  const hours = (value.endsAt.getTime() - value.startsAt.getTime()) / 3_600_000;
  if (hours <= 0)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  else if (hours > maxAppointmentHours) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsAt'],
      message: 'must be within 14 days of the start',
    });
  }
}

/** A caller drafted on the phone: no customer or vehicle record yet. */
export const draftCaller = z.strictObject({
  name: text(120),
  phone,
  vehicle: optionalText(120),
});

export const appointmentBookInput = z
  .strictObject({
    vehicleId: id.optional(),
    draft: draftCaller.optional(),
    concern,
    services: services.optional(),
    ...span,
    bayId: id.optional(),
    technicianId: id.optional(),
    channel: z.enum(staffChannels, { error: typeError('must be phone or walk_in') }),
    /** Booked outside opening or working hours on purpose. */
    allowOutOfHours: boolean().optional(),
  })
  .superRefine((value, ctx) => {
    checkSpan(value, ctx);
    if ((value.vehicleId === undefined) === (value.draft === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['vehicleId'],
        message: 'name a vehicle, or draft the caller (name, phone, vehicle), not both',
      });
    }
    if (value.bayId === undefined && value.technicianId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['bayId'],
        message: 'choose a bay, a technician or both',
      });
    }
  });

export const appointmentMoveInput = z
  .strictObject({
    id,
    version,
    ...span,
    bayId: id.nullish(),
    technicianId: id.nullish(),
    allowOutOfHours: boolean().optional(),
  })
  .superRefine(checkSpan);

export const appointmentConfirmInput = z.strictObject({
  id,
  version,
  bayId: id.optional(),
  technicianId: id.optional(),
});

export const appointmentArriveInput = z.strictObject({
  id,
  version,
  /** The vehicle of a drafted caller, registered at the counter. */
  vehicleId: id.optional(),
  /** The odometer as the car came in (the vehicle's mileage when omitted). */
  odometerIn: mileage.optional(),
  /** An open work order of the vehicle to join instead of opening one. */
  workOrderId: id.optional(),
});

export const appointmentVersionInput = z.strictObject({ id, version });

export const portalSlotsInput = z.strictObject({ day: calendarDate });
export const portalRequestInput = z.strictObject({
  vehicleId: id,
  startsAt: instant('must be a date and time'),
  concern,
  services: services.optional(),
});
