// Vehicle Identification Numbers (ISO 3779). The check digit (9th character) is the North
// American rule; vehicles built for other markets may not carry one, hence the opt-out.

const transliteration: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The characters a VIN may contain: digits and capital letters except I, O and Q. */
export const vinAlphabet = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

function charValue(char: string): number {
  return /\d/.test(char) ? Number(char) : (transliteration[char] ?? 0);
}

/** The check digit ('0'–'9' or 'X') the 9th character of `vin` must hold. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(vin[i] ?? '0') * (weights[i] ?? 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Why `vin` is not a valid VIN, in words a form can show; null when it is valid. */
export function vinProblem(vin: string, options: { checkDigit?: boolean } = {}): string | null {
  if (vin.length !== 17) return `must be 17 characters (got ${vin.length})`;
  if (/[IOQ]/.test(vin)) return 'must not contain the letters I, O or Q';
  if (!/^[0-9A-HJ-NPR-Z]{17}$/.test(vin)) return 'may only contain digits and capital letters';
  if (options.checkDigit !== false) {
    const expected = vinCheckDigit(vin);
    if (vin[8] !== expected) return `check digit (9th character) should be ${expected}`;
  }
  return null;
}

/** `vin` upper-cased with spaces and dashes removed, as people type them. */
export function normalizeVin(vin: string): string {
  return vin.replace(/[\s-]/g, '').toUpperCase();
}
