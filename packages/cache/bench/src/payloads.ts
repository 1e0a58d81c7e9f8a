import { benchKey } from './subjects';

const pick = <T>(list: readonly T[], id: number) => list[id % list.length] as T;

/** A deterministic vehicle-like row with Dates, shaped like what the API's vehicle procedures return. */
export function vehicleRow(id: number) {
  const base = Date.UTC(2026, 0, 1) + id * 86_400_000;
  return {
    id,
    plate: `GA-${String(100 + (id % 900)).padStart(3, '0')}-RG`,
    vin: `VF1RFB000${String(id).padStart(8, '0')}`,
    make: pick(['Renault', 'Peugeot', 'Volkswagen', 'Toyota', 'Ford'], id),
    model: pick(['Clio', '308', 'Golf', 'Yaris', 'Focus'], id),
    year: 2015 + (id % 10),
    color: pick(['white', 'black', 'grey', 'blue', 'red'], id),
    mileageKm: 10_000 + id * 137,
    customerId: 1_000 + (id % 97),
    status: pick(['active', 'in_service', 'retired'], id),
    notes: id % 3 === 0 ? null : 'Front brake pads at 40%, next check at the annual service.',
    nextServiceAt: new Date(base + 180 * 86_400_000),
    createdAt: new Date(base),
    updatedAt: new Date(base + 3_600_000),
  };
}

/** The two payloads: one row, and a page of 50 (the size of the vehicle list screen). */
export const payloads = {
  row: {
    label: 'one row',
    value: vehicleRow(42),
    key: benchKey('vehicle.byId', { id: 42 }),
    tags: ['vehicle:42'],
  },
  page: {
    label: '50-row page',
    value: {
      items: Array.from({ length: 50 }, (_, i) => vehicleRow(i + 1)),
      nextCursor: 50,
      total: 1_250,
    },
    key: benchKey('vehicle.list', { cursor: 0, limit: 50, sort: 'plate', status: 'active' }),
    tags: ['vehicles'],
  },
};
export type Payload = keyof typeof payloads;
