import type { AppointmentStatus } from '@garage/validators';
import { AppError } from '../../app-error';

// An appointment's statuses, moved only by `checkMove`: a request is confirmed (booked) or
// cancelled; a booking ends in arrival, no-show or cancellation, each final.

const moves: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  requested: ['booked', 'cancelled'],
  booked: ['arrived', 'no_show', 'cancelled'],
  arrived: [],
  no_show: [],
  cancelled: [],
};

/** The statuses that hold their bay's and technician's time (the exclusion constraints' WHERE). */
export const holdingStatuses = [
  'requested',
  'booked',
  'arrived',
] as const satisfies readonly AppointmentStatus[];

/** Whether an appointment in `status` holds its time. */
export const holdsTime = (status: AppointmentStatus): boolean =>
  (holdingStatuses as readonly AppointmentStatus[]).includes(status);

/** Refuses (CONFLICT naming the current status) a move the table does not allow. */
export function checkMove(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!moves[from].includes(to)) {
    throw new AppError('CONFLICT', `the appointment is ${words(from)}: it cannot be ${words(to)}`);
  }
}

/** Whether its time, place or technician may still change: before arrival. */
export function checkMovable(status: AppointmentStatus): void {
  if (status !== 'requested' && status !== 'booked') {
    throw new AppError('CONFLICT', `the appointment is ${words(status)}: it cannot be moved`);
  }
}

const words = (status: AppointmentStatus) => status.replace('_', '-');
