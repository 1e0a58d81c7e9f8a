import { formatMoney } from './format';

/** What an answer says its amounts are in: a work order's `money`, a payment's currency. */
export interface MoneyOf {
  currency: string;
  /** The locale the document was issued with, when the shop had one. */
  locale: string | null;
}

/** The API sends an amount too large to hold exactly in cents as null; it says so. */
export const tooLargeToShow = 'too large to show';

/**
 * A formatter for amounts in the currency the API said they are in: an invoiced work order's
 * (and its payments') stay in the invoice's currency whatever the settings say now, so they are
 * never formatted with the shop's current one. (The formatter in format.ts writes one fixed
 * locale for now; `locale` is carried for it.)
 */
export function moneyIn(money: MoneyOf): (cents: number | null) => string {
  return (cents) => (cents === null ? tooLargeToShow : formatMoney(cents, money.currency));
}
