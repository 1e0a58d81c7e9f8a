/** A vehicle-like row, shaped like what the API's vehicle procedures return. */
export interface VehicleRow {
  id: number;
  plate: string;
  vin: string;
  make: string;
  model: string;
  year: number;
  color: string;
  mileageKm: number;
  customerId: number;
  status: 'active' | 'in_service' | 'retired';
  notes: string | null;
  nextServiceAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** One page of a cursor-paginated list. */
export interface VehiclePage {
  items: VehicleRow[];
  nextCursor: number | null;
  total: number;
}

const MAKES = ['Renault', 'Peugeot', 'Volkswagen', 'Toyota', 'Ford'] as const;
const MODELS = ['Clio', '308', 'Golf', 'Yaris', 'Focus'] as const;
const COLORS = ['white', 'black', 'grey', 'blue', 'red'] as const;
const STATUSES = ['active', 'in_service', 'retired'] as const;

/** A deterministic row (no randomness, so every run measures the same bytes). */
export function vehicleRow(id: number): VehicleRow {
  const base = Date.UTC(2026, 0, 1) + id * 86_400_000;
  const pick = <T>(list: readonly T[]): T => list[id % list.length] as T;
  return {
    id,
    plate: `GA-${String(100 + (id % 900)).padStart(3, '0')}-RG`,
    vin: `VF1RFB000${String(id).padStart(8, '0')}`,
    make: pick(MAKES),
    model: pick(MODELS),
    year: 2015 + (id % 10),
    color: pick(COLORS),
    mileageKm: 10_000 + id * 137,
    customerId: 1_000 + (id % 97),
    status: pick(STATUSES),
    notes: id % 3 === 0 ? null : 'Front brake pads at 40%, next check at the annual service.',
    nextServiceAt: new Date(base + 180 * 86_400_000),
    createdAt: new Date(base),
    updatedAt: new Date(base + 3_600_000),
  };
}

/** A page of 50 rows, the size of the vehicle list screen. */
export function vehiclePage(cursor = 0, size = 50): VehiclePage {
  const items = Array.from({ length: size }, (_, i) => vehicleRow(cursor + i + 1));
  return { items, nextCursor: cursor + size, total: 1_250 };
}
