import { numberFields, readers, textFields } from '~/lib/version-conflict';
import type { OwnerChoice } from './owner-picker';
import type { VehicleDraft } from './vehicle-draft';

/** The vehicle form's values as one record of text: the draft and the chosen owner. */
export type VehicleValues = VehicleDraft & { ownerId: string; ownerName: string };

export function vehicleValues(draft: VehicleDraft, owner: OwnerChoice | null): VehicleValues {
  return { ...draft, ownerId: owner ? String(owner.id) : '', ownerName: owner?.name ?? '' };
}

/** Reads a vehicle's changed fields into the form (a new owner by name). */
export const readVehicle = readers<keyof VehicleValues>(
  textFields(['vin', 'plate', 'make', 'model', 'colour', 'notes']),
  numberFields(['year', 'mileage']),
  (field, value, name) =>
    field === 'ownerId' && typeof value === 'number'
      ? { key: 'ownerId', value: String(value), shown: name ?? `customer #${value}` }
      : null,
);
