// Builds VINs the API accepts (North American check digit) and the one-character typo it
// refuses, so the vehicle flow never depends on a hard-coded, possibly taken, VIN.

const alphabet = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const letterValues = 'A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9';
const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

function value(char: string): number {
  if (/\d/.test(char)) return Number(char);
  const at = letterValues.indexOf(char);
  return at >= 0 ? Number(letterValues[at + 1]) : 0;
}

function checkDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += value(vin[i] ?? '0') * (weights[i] ?? 0);
  return sum % 11 === 10 ? 'X' : String(sum % 11);
}

/** A valid 17-character VIN whose descriptor and serial come from `seed` (unique per run). */
export function validVin(seed: number): string {
  let rest = Math.abs(Math.trunc(seed));
  let descriptor = '';
  for (let i = 0; i < 5; i++) {
    descriptor += alphabet[rest % alphabet.length];
    rest = Math.floor(rest / alphabet.length);
  }
  const serial = String(Math.abs(Math.trunc(seed)) % 1_000_000).padStart(6, '0');
  const draft = `2T1${descriptor}0KE${serial}`;
  return `${draft.slice(0, 8)}${checkDigit(draft)}${draft.slice(9)}`;
}

/** `vin` with a wrong check digit (9th character): what a one-key typo looks like. */
export function withWrongCheckDigit(vin: string): string {
  const wrong = vin[8] === '0' ? '1' : '0';
  return `${vin.slice(0, 8)}${wrong}${vin.slice(9)}`;
}
