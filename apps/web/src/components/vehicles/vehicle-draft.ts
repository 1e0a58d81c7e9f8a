import type { RouterOutputs } from '@garage/api';
import type { vehicleCreateInput } from '@garage/validators';
import { parseWholeInput } from '~/lib/amount-input';
import type { FieldErrors } from '~/lib/field-errors';
import type { Candidate } from '~/lib/form-check';

/** The vehicle form's text, as typed; numbers are read on submit, in the shop's locale. */
export interface VehicleDraft {
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: string;
  mileage: string;
  colour: string;
  notes: string;
}

export const blankVehicle: VehicleDraft = {
  vin: '',
  plate: '',
  make: '',
  model: '',
  year: '',
  mileage: '',
  colour: '',
  notes: '',
};

/** A draft filled from a vehicle row as the API returns it. */
export function draftOf(
  vehicle: Pick<
    RouterOutputs['vehicle']['byId'],
    'vin' | 'plate' | 'make' | 'model' | 'year' | 'mileage' | 'colour' | 'notes'
  >,
): VehicleDraft {
  return {
    vin: vehicle.vin,
    plate: vehicle.plate,
    make: vehicle.make,
    model: vehicle.model,
    year: String(vehicle.year),
    mileage: String(vehicle.mileage),
    colour: vehicle.colour ?? '',
    notes: vehicle.notes ?? '',
  };
}

/** What the form sends for every vehicle write (the VIN and its check are added separately). */
export type VehicleFields = Omit<Candidate<typeof vehicleCreateInput>, 'vin' | 'vinCheckDigit'>;

/**
 * The draft as a vehicle's fields, its numbers read in the shop's locale, and the problems of
 * those it could not read (no owner chosen, a year or mileage that is no number). Whether the
 * values fit is the API's schema to say, which the form checks with.
 */
export function readVehicleDraft(
  draft: VehicleDraft,
  ownerId: number | null,
  locale: string,
): { fields: VehicleFields; unread: FieldErrors } {
  const { plate, make, model, colour, notes } = draft;
  const fields: VehicleFields = { plate, make, model, colour, notes };
  const unread: FieldErrors = {};
  if (ownerId === null) unread.ownerId = 'Choose an owner: search for a customer, then pick one.';
  else fields.ownerId = ownerId;
  const year = parseWholeInput(draft.year, locale);
  if ('value' in year) fields.year = year.value;
  else unread.year = year.problem;
  const mileage = parseWholeInput(draft.mileage, locale);
  if ('value' in mileage) fields.mileage = mileage.value;
  else unread.mileage = mileage.problem;
  return { fields, unread };
}

/** Whether the VIN in the form differs from the stored one (the API drops case, spaces and dashes). */
export function vinChanged(typed: string, stored: string | undefined): boolean {
  return typed.replace(/[\s-]/g, '').toUpperCase() !== stored;
}
