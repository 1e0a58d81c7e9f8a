import { formatMoney } from '@garage/validators';

/** What an answer says its amounts are in: a work order's `money`, a payment's currency. */
export interface MoneyOf {
  currency: string;
  /** The locale the document was issued with; null for one issued before shops had a locale. */
  locale: string | null;
}

/** The API sends an amount too large to hold exactly in cents as null; it says so. */
export const tooLargeToShow = 'too large to show';

/** Documents issued before shops chose a locale were written in US English. */
const localeBeforeSettings = 'en-US';

/**
 * A formatter for amounts in the currency and locale the API said they are in: an invoiced work
 * order's (and its payments') stay in the invoice's whatever the settings say now, so they are
 * never formatted with the shop's current ones.
 */
export function moneyIn(money: MoneyOf): (cents: number | null) => string {
  const format = { currency: money.currency, locale: money.locale ?? localeBeforeSettings };
  return (cents) => (cents === null ? tooLargeToShow : formatMoney(cents, format));
}
