import { AppError } from '../../app-error';
import type { LineApproval } from './status';

// Money is integer cents and quantities are exact decimals with up to two places, carried here
// as integer hundredths in BigInt: no float ever multiplies money.

export type PricedLine = {
  /** Decimal text with up to two places, e.g. "1.5" hours or "4" parts. */
  quantity: string;
  unitPriceCents: number;
  /** Basis points: 825 is 8.25 %. */
  taxRateBps: number;
};

export type LineAmounts = { netCents: number; taxCents: number; totalCents: number };
export type WorkOrderTotals = { subtotalCents: number; taxCents: number; totalCents: number };

// At most eight digits before the point and two after: the column is DECIMAL(10, 2).
const quantityPattern = /^\d{1,8}(\.\d{1,2})?$/;

/** A quantity's text as integer hundredths ("1.5" is 150n); refuses anything but 0.01-99999999.99. */
export function parseQuantity(text: string): bigint {
  const trimmed = text.trim();
  if (!quantityPattern.test(trimmed)) {
    throw AppError.badInput(
      'quantity',
      'must be a number with at most two decimal places (e.g. 1.5)',
    );
  }
  const [whole = '0', fraction = ''] = trimmed.split('.');
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (hundredths <= 0n) throw AppError.badInput('quantity', 'must be more than 0');
  return hundredths;
}

/** `numerator / denominator` rounded to the nearest integer, halves away from zero. */
export function divideRoundingHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

function toCents(amount: bigint, field: string): number {
  const cents = Number(amount);
  if (!Number.isSafeInteger(cents)) {
    throw AppError.badInput(field, 'makes an amount too large to hold in cents');
  }
  return cents;
}

function checkWholeNumber(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) throw AppError.badInput(field, 'must be a whole number');
}

function exactAmounts(line: PricedLine): { net: bigint; tax: bigint } {
  checkWholeNumber(line.unitPriceCents, 'unitPriceCents');
  checkWholeNumber(line.taxRateBps, 'taxRateBps');
  if (line.taxRateBps < 0 || line.taxRateBps > 10_000) {
    throw AppError.badInput('taxRateBps', 'must be between 0 and 10000 (100 %)');
  }
  const net = divideRoundingHalfAwayFromZero(
    parseQuantity(line.quantity) * BigInt(line.unitPriceCents),
    100n,
  );
  return { net, tax: divideRoundingHalfAwayFromZero(net * BigInt(line.taxRateBps), 10_000n) };
}

/** Net, tax and total of one line: net = round(quantity x unit price), tax = round(net x rate). */
export function lineAmounts(line: PricedLine): LineAmounts {
  const { net, tax } = exactAmounts(line);
  return {
    netCents: toCents(net, 'quantity'),
    taxCents: toCents(tax, 'quantity'),
    totalCents: toCents(net + tax, 'quantity'),
  };
}

/** Whether a line counts toward the work order's totals: every line the customer has not declined. */
export function countsTowardTotals(line: { approval: LineApproval }): boolean {
  return line.approval !== 'declined';
}

/**
 * Subtotal, tax and total of a work order: the sums over its lines not declined. Totals too large
 * to hold in cents are refused naming `field`: the field of the write that would make them so.
 */
export function workOrderTotals(
  lines: ReadonlyArray<PricedLine & { approval: LineApproval }>,
  field = 'lines',
): WorkOrderTotals {
  let subtotal = 0n;
  let tax = 0n;
  for (const line of lines) {
    if (!countsTowardTotals(line)) continue;
    const amounts = exactAmounts(line);
    subtotal += amounts.net;
    tax += amounts.tax;
  }
  return {
    subtotalCents: toCents(subtotal, field),
    taxCents: toCents(tax, field),
    totalCents: toCents(subtotal + tax, field),
  };
}

// Reads show what is stored, whatever it is: a line or total too large to hold exactly in cents
// (refused by every write since, but possibly stored before, or outside the API) is shown as
// null, "cannot be shown", instead of failing the whole read or showing a rounded amount.

/** An amount as a read shows it: whole cents, or null when too large to hold exactly. */
export type ShownCents = number | null;
export type ShownLineAmounts = {
  netCents: ShownCents;
  taxCents: ShownCents;
  totalCents: ShownCents;
};
export type ShownTotals = {
  subtotalCents: ShownCents;
  taxCents: ShownCents;
  totalCents: ShownCents;
};

const shown = (amount: bigint | null): ShownCents => {
  if (amount === null) return null;
  const cents = Number(amount);
  return Number.isSafeInteger(cents) ? cents : null;
};

/** The exact amounts of a stored line, or null when the rules could not price it. */
function storedAmounts(line: PricedLine): { net: bigint; tax: bigint } | null {
  try {
    return exactAmounts(line);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** A stored line's amounts for a read: never throws; null where they cannot be shown. */
export function shownLineAmounts(line: PricedLine): ShownLineAmounts {
  const amounts = storedAmounts(line);
  return {
    netCents: shown(amounts?.net ?? null),
    taxCents: shown(amounts?.tax ?? null),
    totalCents: shown(amounts ? amounts.net + amounts.tax : null),
  };
}

/** A stored work order's totals for a read: never throws; null where they cannot be shown. */
export function shownTotals(
  lines: ReadonlyArray<PricedLine & { approval: LineApproval }>,
): ShownTotals {
  let subtotal: bigint | null = 0n;
  let tax: bigint | null = 0n;
  for (const line of lines) {
    if (!countsTowardTotals(line)) continue;
    const amounts = storedAmounts(line);
    subtotal = subtotal === null || amounts === null ? null : subtotal + amounts.net;
    tax = tax === null || amounts === null ? null : tax + amounts.tax;
  }
  return {
    subtotalCents: shown(subtotal),
    taxCents: shown(tax),
    totalCents: shown(subtotal === null || tax === null ? null : subtotal + tax),
  };
}
