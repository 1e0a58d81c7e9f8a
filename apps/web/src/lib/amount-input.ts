import { minorUnitDigits, minorUnitsToDecimal } from './format';

// What staff type into money and rate fields, turned into the integers the API takes, by
// splitting the text: no float ever holds money. A problem is worded as a predicate for
// fieldMessage ("Unit price must be …").

/** The result of reading a field: the value, or the problem to show next to it. */
export type Parsed<T> = { value: T } | { problem: string };

/** "120", "120.5", "1,200.00" or "$120" in the shop's currency -> minor units (12000). */
export function parseMoneyInput(text: string, currency: string): Parsed<number> {
  const digits = minorUnitDigits(currency);
  const cleaned = text
    .trim()
    .replace(/[\s,]/g, '')
    .replace(/^[^\d.-]+/, '');
  if (cleaned === '') return { problem: 'is required' };
  const pattern = digits === 0 ? /^(\d+)$/ : new RegExp(`^(\\d*)(?:\\.(\\d{0,${digits}}))?$`);
  const match = pattern.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) {
    return {
      problem:
        digits === 0
          ? 'must be a whole amount'
          : `must be an amount with at most ${digits} decimal places`,
    };
  }
  const whole = match[1] || '0';
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  const value = Number(`${whole}${fraction}`);
  if (!Number.isSafeInteger(value)) return { problem: 'is too large' };
  return { value };
}

/** Minor units as the text a money field starts with: 12000 -> "120.00". */
export function moneyToInput(amount: number, currency: string): string {
  return minorUnitsToDecimal(amount, currency);
}

/** "8.25" (per cent, up to two decimals) -> 825 basis points; 0 to 100 %. */
export function parseTaxRateInput(text: string): Parsed<number> {
  const cleaned = text.trim().replace(/\s*%$/, '');
  if (cleaned === '') return { problem: 'is required' };
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return { problem: 'must be a percentage with at most two decimal places' };
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (value > 10_000) return { problem: 'must be at most 100 %' };
  return { value };
}

/** Basis points as the text a rate field starts with: 825 -> "8.25", 1000 -> "10". */
export function taxRateToInput(bps: number): string {
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${Math.trunc(bps / 100)}${fraction ? `.${fraction}` : ''}`;
}

/** A whole number such as an odometer reading ("52,300" -> 52300). */
export function parseWholeInput(text: string): Parsed<number> {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  if (cleaned === '') return { problem: 'is required' };
  if (!/^\d+$/.test(cleaned)) return { problem: 'must be a whole number' };
  const value = Number(cleaned);
  if (!Number.isSafeInteger(value)) return { problem: 'is too large' };
  return { value };
}
