import { type Notation, notationOf, numberText, type Reading, readNumber } from './typed-number';

// Money is integer minor units ("cents") everywhere but at the edge, where it is typed and shown
// in the shop's currency and locale. This is the one parser and formatter of it: both work on
// exact decimal text, never on a float.

/** A currency (ISO 4217) and the locale (BCP 47) its amounts are written in. */
export interface MoneyFormat {
  currency: string;
  locale: string;
}

/**
 * The locales a shop may write money and numbers in: those whose digits are 0–9 written left to
 * right, so a keyboard types what Intl prints. Kept to what this runtime's Intl knows.
 */
export const shopLocales: readonly string[] = [
  'en-US',
  'en-CA',
  'en-GB',
  'en-IE',
  'en-AU',
  'en-NZ',
  'en-ZA',
  'en-IN',
  'de-DE',
  'de-AT',
  'de-CH',
  'fr-FR',
  'fr-BE',
  'fr-CA',
  'fr-CH',
  'it-IT',
  'it-CH',
  'nl-NL',
  'nl-BE',
  'es-ES',
  'es-MX',
  'pt-PT',
  'pt-BR',
  'da-DK',
  'nb-NO',
  'sv-SE',
  'fi-FI',
  'pl-PL',
  'cs-CZ',
  'ja-JP',
].filter((locale) => Intl.NumberFormat.supportedLocalesOf(locale).length > 0);

/** `tag` written the canonical way ("de-de" is "de-DE") when it is one of the shop locales. */
export function shopLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && shopLocales.includes(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

const formats = new Map<string, Intl.NumberFormat>();

/** How a formatter shows the currency, and whether it groups digits (a form field does not). */
interface Style {
  display?: 'symbol' | 'narrowSymbol';
  grouping?: boolean;
}

/** The formatter of `currency` in `locale` (cached: building one costs more than using it). */
function currencyFormat(
  { currency, locale }: MoneyFormat,
  { display = 'symbol', grouping = true }: Style = {},
): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}|${grouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display,
      useGrouping: grouping,
    });
    formats.set(key, format);
  }
  return format;
}

/** How many decimal places the currency's minor unit has: 2 for USD and EUR, 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  return currencyFormat({ currency, locale: 'en-US' }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer minor units as exact decimal text: 23078 USD cents -> "230.78", -5 -> "-0.05". */
export function minorUnitsToDecimal(amount: number, currency: string): `${number}` {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`${amount} is not a whole number of minor units`);
  }
  const digits = minorUnitDigits(currency);
  const magnitude = String(Math.abs(amount)).padStart(digits + 1, '0');
  const sign = amount < 0 ? '-' : '';
  const text =
    digits === 0
      ? `${sign}${magnitude}`
      : `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  if (!isDecimalText(text)) throw new RangeError(`${amount} made ${text}, not decimal text`);
  return text;
}

function isDecimalText(text: string): text is `${number}` {
  return /^-?\d+(\.\d+)?$/.test(text);
}

/** "1.234,50 €" in de-DE, "$1,234.50" in en-US: minor units in the currency and locale. */
export function formatMoney(amount: number, money: MoneyFormat): string {
  // Intl formats numeric text exactly (ES2023), so cents never pass through a float division.
  return currencyFormat(money).format(minorUnitsToDecimal(amount, money.currency));
}

/** The text a money field starts with: the amount without its currency, "1234,50" in de-DE. */
export function moneyInputText(amount: number, money: MoneyFormat): string {
  const ungrouped = currencyFormat(money, { grouping: false });
  return numberText(ungrouped, minorUnitsToDecimal(amount, money.currency));
}

const notations = new Map<string, Notation>();

/** How amounts of the currency are written in the locale, and the units around them. */
function notationOfMoney(money: MoneyFormat): Notation {
  const key = `${money.locale}|${money.currency}`;
  let notation = notations.get(key);
  if (!notation) {
    const unitOf = (locale: string, display: 'symbol' | 'narrowSymbol') =>
      currencyFormat({ ...money, locale }, { display })
        .formatToParts(1)
        .find((part) => part.type === 'currency')?.value;
    // The locale's symbols, the English ones ("¥" beside ja-JP's "￥") and the ISO code.
    const units = [money.locale, 'en']
      .flatMap((locale) => [unitOf(locale, 'symbol'), unitOf(locale, 'narrowSymbol')])
      .concat(money.currency)
      .filter((unit): unit is string => !!unit)
      // Longest first, so "US$" is taken whole rather than as "$" after "US".
      .sort((a, b) => b.length - a.length);
    notation = notationOf(money.locale, { style: 'currency', currency: money.currency }, units);
    notations.set(key, notation);
  }
  return notation;
}

/**
 * Reads an amount typed in the shop's currency and locale into minor units: "12,50" in de-DE is
 * 1250 cents, "1.234" there is 123400, "1,234.5" in en-US 123450. A currency symbol or code may
 * stand before or after it. Text the locale would not write that way is a problem, never another
 * amount: "12,50" in en-US is refused (a comma groups thousands there), not read as 1250.00.
 */
export function parseMoney(text: string, money: MoneyFormat): Reading<number> {
  const digits = minorUnitDigits(money.currency);
  const read = readNumber(text, notationOfMoney(money), {
    example: digits === 0 ? '12' : '12.5',
    groupedExample: digits === 0 ? '123456' : '123456.5',
    notANumber: 'must be an amount',
    maxFractionDigits: digits,
    tooManyDecimals:
      digits === 0
        ? `must be a whole amount (${money.currency} has no decimals)`
        : `must have at most ${digits} decimal place${digits === 1 ? '' : 's'}`,
  });
  if ('problem' in read) return read;
  const { negative, whole, fraction } = read.value;
  const magnitude = BigInt(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return { problem: 'is too large' };
  const value = Number(magnitude);
  return { value: negative && value !== 0 ? -value : value };
}
