import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  minorUnitDigits,
  minorUnitsToDecimal,
  moneyInputText,
  parseMoney,
  shopLocale,
  shopLocales,
} from '../src/money';

const eurDe = { currency: 'EUR', locale: 'de-DE' };
const usdUs = { currency: 'USD', locale: 'en-US' };
const currencies = Intl.supportedValuesOf('currency');

describe('parseMoney', () => {
  it('reads a comma as the decimal mark where the locale says so, never as a group', () => {
    expect(parseMoney('12,50', eurDe)).toEqual({ value: 1250 });
    expect(parseMoney('0,50', eurDe)).toEqual({ value: 50 });
    expect(parseMoney('1.234', eurDe)).toEqual({ value: 123_400 });
    expect(parseMoney('1.234,5', eurDe)).toEqual({ value: 123_450 });
    expect(parseMoney('1,234.5', usdUs)).toEqual({ value: 123_450 });
  });

  it('refuses what the locale would not write, instead of scaling it', () => {
    // The bug: "12,50" became 1,250.00. In en-US a comma groups thousands, so it is refused.
    expect(parseMoney('12,50', usdUs)).toEqual({
      problem: 'must use "." for decimals; "," groups thousands (e.g. 123,456.50)',
    });
    expect(parseMoney('12.50', eurDe)).toEqual({
      problem: 'must use "," for decimals; "." groups thousands (e.g. 123.456,50)',
    });
    // "1,234" in de-DE is 1.234 euros, one decimal too many.
    expect(parseMoney('1,234', eurDe)).toEqual({ problem: 'must have at most 2 decimal places' });
    expect(parseMoney('1,234,5', eurDe)).toHaveProperty('problem');
  });

  it('takes the currency symbol or code before or after the amount', () => {
    expect(parseMoney('12,50 €', eurDe)).toEqual({ value: 1250 });
    expect(parseMoney('EUR 12,50', eurDe)).toEqual({ value: 1250 });
    expect(parseMoney('$1,200.00', usdUs)).toEqual({ value: 120_000 });
    expect(parseMoney('usd 7.49', usdUs)).toEqual({ value: 749 });
    expect(parseMoney('¥1,200', { currency: 'JPY', locale: 'ja-JP' })).toEqual({ value: 1200 });
  });

  it('reads currencies without minor units', () => {
    const yen = { currency: 'JPY', locale: 'ja-JP' };
    expect(parseMoney('1200', yen)).toEqual({ value: 1200 });
    expect(parseMoney('12.5', yen)).toEqual({
      problem: 'must be a whole amount (JPY has no decimals)',
    });
  });

  it('reads negative amounts, with a hyphen or a minus sign', () => {
    expect(parseMoney('-5', usdUs)).toEqual({ value: -500 });
    expect(parseMoney('-$0.05', usdUs)).toEqual({ value: -5 });
    expect(parseMoney('−12,50 kr', { currency: 'SEK', locale: 'sv-SE' })).toEqual({
      value: -1250,
    });
    expect(parseMoney('€ -1.234,50', { currency: 'EUR', locale: 'nl-NL' })).toEqual({
      value: -123_450,
    });
    expect(parseMoney('-0', usdUs)).toEqual({ value: 0 });
  });

  it('takes any space for a no-break or narrow no-break group mark, and an apostrophe for ’', () => {
    const fr = { currency: 'EUR', locale: 'fr-FR' };
    expect(parseMoney('1\u202f234,50 €', fr)).toEqual({ value: 123_450 });
    expect(parseMoney('1\u00a0234,50', fr)).toEqual({ value: 123_450 });
    expect(parseMoney('1 234,50', fr)).toEqual({ value: 123_450 });
    const ch = { currency: 'CHF', locale: 'de-CH' };
    expect(parseMoney("1'234.50", ch)).toEqual({ value: 123_450 });
    expect(parseMoney('1\u2019234.50', ch)).toEqual({ value: 123_450 });
    expect(parseMoney('CHF-12.50', ch)).toEqual({ value: -1250 });
  });

  it('groups digits the way the locale does (lakhs in en-IN)', () => {
    const inr = { currency: 'INR', locale: 'en-IN' };
    expect(parseMoney('1,00,000.50', inr)).toEqual({ value: 10_000_050 });
    expect(parseMoney('100,000.50', inr)).toHaveProperty('problem');
  });

  it('says what is wrong with garbage', () => {
    expect(parseMoney('', usdUs)).toEqual({ problem: 'is required' });
    expect(parseMoney('   ', usdUs)).toEqual({ problem: 'is required' });
    expect(parseMoney('abc', usdUs)).toEqual({ problem: 'must be an amount (e.g. 12.50)' });
    expect(parseMoney('abc', eurDe)).toEqual({ problem: 'must be an amount (e.g. 12,50)' });
    expect(parseMoney('.', usdUs)).toEqual({ problem: 'must be an amount (e.g. 12.50)' });
    expect(parseMoney('12 50', usdUs)).toHaveProperty('problem');
    expect(parseMoney('1e3', usdUs)).toHaveProperty('problem');
    expect(parseMoney('12€50', eurDe)).toHaveProperty('problem');
    expect(parseMoney('--5', usdUs)).toHaveProperty('problem');
    expect(parseMoney('99999999999999999', usdUs)).toEqual({ problem: 'is too large' });
  });

  it('is exact where parseFloat times 100 is not', () => {
    // parseFloat('4.35') * 100 is 434.99999999999994.
    expect(parseMoney('4.35', usdUs)).toEqual({ value: 435 });
    expect(parseMoney('90,071,992,547,409.91', usdUs)).toEqual({ value: Number.MAX_SAFE_INTEGER });
  });
});

describe('formatMoney', () => {
  it('writes minor units in the currency and locale', () => {
    expect(formatMoney(23_078, usdUs)).toBe('$230.78');
    expect(formatMoney(123_400, eurDe)).toBe('1.234,00\u00a0€');
    expect(formatMoney(-5, usdUs)).toBe('-$0.05');
    expect(formatMoney(1200, { currency: 'JPY', locale: 'en-US' })).toBe('¥1,200');
  });

  it('is exact where a float division would not be', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, usdUs)).toBe('$90,071,992,547,409.91');
  });

  it('refuses an amount that is not whole minor units', () => {
    expect(() => formatMoney(1.5, usdUs)).toThrow(RangeError);
  });

  it('gives a form field the amount without currency or group marks', () => {
    expect(moneyInputText(123_450, eurDe)).toBe('1234,50');
    expect(moneyInputText(12_000, usdUs)).toBe('120.00');
    expect(moneyInputText(-5, usdUs)).toBe('-0.05');
  });

  it('knows the minor units of each currency', () => {
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('BHD')).toBe(3);
    expect(minorUnitsToDecimal(7, 'USD')).toBe('0.07');
    expect(minorUnitsToDecimal(-1234, 'BHD')).toBe('-1.234');
  });
});

describe('format then parse', () => {
  const amounts = [0, 1, -1, 5, 99, 100, 1234, 123_456, -987_654_321, Number.MAX_SAFE_INTEGER];

  it('is the identity for every currency in every locale the settings offer', () => {
    const misread: string[] = [];
    for (const locale of shopLocales) {
      for (const currency of currencies) {
        const money = { currency, locale };
        for (const amount of amounts) {
          for (const text of [formatMoney(amount, money), moneyInputText(amount, money)]) {
            const read = parseMoney(text, money);
            if (!('value' in read) || read.value !== amount) {
              misread.push(`${locale} ${currency} ${amount}: ${JSON.stringify(text)}`);
            }
          }
        }
      }
    }
    expect(misread).toEqual([]);
  }, 60_000);

  it('is the identity for any amount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shopLocales),
        fc.constantFrom(...currencies),
        fc.maxSafeInteger(),
        (locale, currency, amount) => {
          const money = { currency, locale };
          expect(parseMoney(formatMoney(amount, money), money)).toEqual({ value: amount });
        },
      ),
      { numRuns: 20_000 },
    );
  }, 60_000);
});

describe('shopLocale', () => {
  it('writes an offered locale the canonical way', () => {
    expect(shopLocale('de-de')).toBe('de-DE');
    expect(shopLocale('en-US')).toBe('en-US');
  });

  it('refuses what is no locale, or one the settings do not offer', () => {
    expect(shopLocale('not a locale')).toBeNull();
    expect(shopLocale('ar-EG')).toBeNull();
    expect(shopLocale('')).toBeNull();
  });
});
