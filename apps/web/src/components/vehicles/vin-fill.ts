import type { VehicleDraft } from './vehicle-draft';

/** The fields a decoded VIN fills in, as the form holds them (text). */
export type DecodedFields = Pick<VehicleDraft, 'make' | 'model' | 'year'>;

const decodedKeys = ['make', 'model', 'year'] as const;

/**
 * The VIN as the API will read it (no spaces or dashes, upper case) when it is one worth
 * decoding: 17 letters and digits without I, O or Q; null otherwise. The check digit is the
 * API's to judge.
 */
export function decodableVin(typed: string): string | null {
  const vin = typed.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin) ? vin : null;
}

/**
 * The draft with a decode's make, model and year written into the fields that are empty or
 * still hold what the previous decode wrote; anything the user typed stays theirs.
 */
export function applyDecodedVin(
  draft: VehicleDraft,
  previous: DecodedFields | null,
  decoded: DecodedFields,
): VehicleDraft {
  const next = { ...draft };
  for (const key of decodedKeys) {
    const current = draft[key].trim();
    if (current === '' || (previous !== null && draft[key] === previous[key])) {
      next[key] = decoded[key];
    }
  }
  return next;
}
