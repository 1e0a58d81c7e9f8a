import { vinAlphabet, vinCheckDigit } from '@garage/validators';
import { between, pick, rowRandom } from './random';
import { colours, firstNames, lastNames, makes, streets, towns } from './sample-data';

export type CustomerRow = {
  name: string;
  email: string;
  phone: string;
  address: string;
  notes: string | null;
};

export type VehicleRow = {
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: number;
  mileage: number;
  colour: string;
  notes: string | null;
};

const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
// Model-year codes (VIN position 10) cycle every 30 years; 2010 is 'A' again.
const yearCodes = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** The generated customer number `index`: the same name, email and phone every time. */
export function customerRow(index: number): CustomerRow {
  const random = rowRandom('customer', index);
  const first = pick(random, firstNames);
  const last = pick(random, lastNames);
  const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  return {
    name: `${first} ${last}`,
    email: `${handle}.${index}@example.com`,
    phone: `+1 555-${String(between(random, 100, 999))}-${String(between(random, 1000, 9999))}`,
    address: `${between(random, 1, 240)} ${pick(random, streets)}, ${pick(random, towns)}`,
    notes: random() < 0.15 ? 'Prefers a call before any work over the estimate.' : null,
  };
}

/**
 * The generated vehicle number `index`, with a VIN that passes the check digit and is unique
 * among generated vehicles (the index is its serial number).
 */
export function vehicleRow(index: number): VehicleRow {
  const random = rowRandom('vehicle', index);
  const { make, wmi, models } = pick(random, makes);
  const year = between(random, 2004, 2025);
  const descriptor = Array.from({ length: 5 }, () => pick(random, [...vinAlphabet])).join('');
  const plant = letters[Math.floor(index / 1_000_000) % letters.length] ?? 'A';
  const serial = String(index % 1_000_000).padStart(6, '0');
  const yearCode = yearCodes[(year - 1980) % 30] ?? 'A';
  const draft = `${wmi}${descriptor}0${yearCode}${plant}${serial}`;
  const vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
  const age = 2026 - year;
  return {
    vin,
    plate: `${pick(random, [...letters])}${pick(random, [...letters])}${between(random, 10, 99)} ${pick(random, [...letters])}${pick(random, [...letters])}${pick(random, [...letters])}`,
    make,
    model: pick(random, models),
    year,
    mileage: age * between(random, 6_000, 16_000),
    colour: pick(random, colours),
    notes: random() < 0.1 ? 'Customer supplies own tyres.' : null,
  };
}
