import { type Reading, readDecimal, writeDecimal } from '@garage/validators';

// What staff type into rate, quantity and whole-number fields, read in the shop's locale ("8,25"
// in de-DE, "8.25" in en-US) into the values the API takes, and written back the same way. Money
// has its own parser (parseMoney in @garage/validators). Whether a value fits its field (a rate at
// most 100 %, a quantity more than 0) is the API's schema to say, which the forms check with.

/** "8,25" or "8,25 %" (per cent, up to two decimals) in the locale -> 825 basis points. */
export function parseTaxRateInput(text: string, locale: string): Reading<number> {
  const read = readDecimal(text, locale, {
    example: '8.25',
    maxFractionDigits: 2,
    tooManyDecimals: 'must be a percentage with at most two decimal places',
    units: ['%'],
  });
  if ('problem' in read) return read;
  const [whole = '0', fraction = ''] = read.value.replace('-', '').split('.');
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(bps)) return { problem: 'is too large' };
  return { value: read.value.startsWith('-') ? -bps : bps };
}

/** Basis points as the text a rate field starts with: 825 -> "8.25" ("8,25" in de-DE). */
export function taxRateToInput(bps: number, locale: string): string {
  const sign = bps < 0 ? '-' : '';
  const magnitude = Math.abs(bps);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return writeDecimal(`${sign}${Math.trunc(magnitude / 100)}.${fraction}`, locale);
}

/** A whole number such as an odometer reading: "52,300" in en-US, "52.300" in de-DE -> 52300. */
export function parseWholeInput(text: string, locale: string): Reading<number> {
  const read = readDecimal(text, locale, {
    example: '52300',
    maxFractionDigits: 0,
    tooManyDecimals: 'must be a whole number',
  });
  if ('problem' in read) return read;
  const value = Number(read.value);
  return Number.isSafeInteger(value) ? { value } : { problem: 'is too large' };
}

/** A quantity typed in the locale as the decimal text the API takes: "1,5" in de-DE -> "1.5". */
export function parseQuantityInput(text: string, locale: string): Reading<string> {
  return readDecimal(text, locale, { example: '1.5' });
}

/** A quantity from the API ("1.50") as the text its field starts with: "1.5", "1,5" in de-DE. */
export function quantityToInput(quantity: string, locale: string): string {
  return writeDecimal(quantity, locale);
}
