import { normalizeVin, vinProblem } from '@garage/validators';
import type { VehicleDraft } from './vehicle-draft';

/** The fields a decoded VIN fills in, as the form holds them (text). */
export type DecodedFields = Pick<VehicleDraft, 'make' | 'model' | 'year'>;

const decodedKeys = ['make', 'model', 'year'] as const;

/** What the form does with the VIN as typed: look it up, or say why it will not. */
export type VinLookup =
  /** Not a whole VIN yet (or no longer): nothing to look up, nothing to say. */
  | { kind: 'incomplete' }
  /** A whole VIN the API would refuse (its check digit): no vehicle is read from it. */
  | { kind: 'refused'; problem: string }
  /** The VIN as the API reads it (no spaces or dashes, upper case), worth decoding. */
  | { kind: 'decode'; vin: string };

/**
 * What to do with a typed VIN: 17 letters and digits without I, O or Q are looked up when their
 * check digit holds, or when the VIN is from outside North America (`checkDigit: false`).
 */
export function vinLookup(typed: string, options: { checkDigit: boolean }): VinLookup {
  const vin = normalizeVin(typed);
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return { kind: 'incomplete' };
  const problem = vinProblem(vin, { checkDigit: options.checkDigit });
  return problem ? { kind: 'refused', problem } : { kind: 'decode', vin };
}

/**
 * The draft once the VIN says `decoded`, or nothing (null: not a whole VIN, refused, unknown).
 * A field takes the new value, or is emptied, when it is empty or still holds what the VIN
 * said before (`previous`: the last decode, or the stored VIN's); anything else is what the
 * user typed, and stays theirs.
 */
export function applyDecodedVin(
  draft: VehicleDraft,
  previous: DecodedFields | null,
  decoded: DecodedFields | null,
): VehicleDraft {
  const next = { ...draft };
  for (const key of decodedKeys) {
    const current = draft[key];
    if (current.trim() === '' || (previous !== null && current === previous[key])) {
      next[key] = decoded?.[key] ?? '';
    }
  }
  return next;
}
