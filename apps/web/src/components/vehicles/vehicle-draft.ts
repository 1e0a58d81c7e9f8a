import type { RouterInputs, RouterOutputs } from '@garage/api';

/** The vehicle form's text, as typed; numbers are parsed on submit. */
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

/** A whole number typed in a form field, or the problem to show next to it. */
export function parseWhole(text: string): number | string {
  const trimmed = text.trim().replace(/[,_ ]/g, '');
  if (trimmed === '') return 'is required';
  if (!/^-?[0-9]+$/.test(trimmed)) return 'must be a whole number';
  return Number(trimmed);
}

/** What the form sends for every vehicle write (the VIN and its check are added separately). */
export type VehicleFields = Omit<RouterInputs['vehicle']['create'], 'vin' | 'vinCheckDigit'>;

/**
 * The draft as API input, or the problems the form can tell before asking the server
 * (no owner, a year or mileage that is not a number). Everything else the API checks.
 */
export function parseVehicleDraft(
  draft: VehicleDraft,
  ownerId: number | null,
): { fields: VehicleFields } | { problems: Record<string, string> } {
  const year = parseWhole(draft.year);
  const mileage = parseWhole(draft.mileage);
  const problems: Record<string, string> = {};
  if (ownerId === null) problems.ownerId = 'Choose an owner: search for a customer, then pick one.';
  if (typeof year === 'string') problems.year = year;
  if (typeof mileage === 'string') problems.mileage = mileage;
  if (ownerId === null || typeof year === 'string' || typeof mileage === 'string') {
    return { problems };
  }
  const { plate, make, model, colour, notes } = draft;
  return { fields: { ownerId, plate, make, model, year, mileage, colour, notes } };
}

/** Whether the VIN in the form differs from the stored one (the API drops case, spaces and dashes). */
export function vinChanged(typed: string, stored: string | undefined): boolean {
  return typed.replace(/[\s-]/g, '').toUpperCase() !== stored;
}
