import type { RouterOutputs } from '@garage/api';
import type { ShopFormat } from '~/lib/use-shop-format';
import { type ConflictReader, readers, textFields } from '~/lib/version-conflict';
import { toWallClockInput } from '~/lib/zoned-time';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/** The details form's values, as typed: the technician's id and the promised wall-clock time. */
export interface DetailsValues {
  concern: string;
  notes: string;
  technician: string;
  promised: string;
}

/** The details form filled from a work order. */
export function detailsValues(workOrder: WorkOrder, timeZone: string): DetailsValues {
  return {
    concern: workOrder.concern,
    notes: workOrder.notes ?? '',
    technician: workOrder.technician ? String(workOrder.technician.id) : '',
    promised: workOrder.promisedAt ? toWallClockInput(workOrder.promisedAt, timeZone) : '',
  };
}

/** Reads a work order's changed details into the form: a technician by name, a time on the shop's clock. */
export function readDetails(format: ShopFormat): ConflictReader<keyof DetailsValues> {
  return readers<keyof DetailsValues>(textFields(['concern', 'notes']), (field, value, name) => {
    if (field === 'technicianId' && (typeof value === 'number' || value === null)) {
      return {
        key: 'technician',
        value: value === null ? '' : String(value),
        shown: value === null ? 'Unassigned' : (name ?? `technician #${value}`),
      };
    }
    if (field === 'promisedAt' && (value instanceof Date || value === null)) {
      return {
        key: 'promised',
        value: value ? toWallClockInput(value, format.timeZone) : '',
        shown: value ? format.dateTime(value) : '',
      };
    }
    return null;
  });
}
