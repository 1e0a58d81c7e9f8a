import { describe, expect, it } from 'vitest';
import {
  parseQuantityInput,
  parseTaxRateInput,
  parseWholeInput,
  quantityToInput,
  taxRateToInput,
} from '~/lib/amount-input';

describe('parseTaxRateInput', () => {
  it("reads a percentage in the shop's locale into basis points", () => {
    expect(parseTaxRateInput('8.25', 'en-US')).toEqual({ value: 825 });
    expect(parseTaxRateInput('8.25 %', 'en-US')).toEqual({ value: 825 });
    expect(parseTaxRateInput('8,25', 'de-DE')).toEqual({ value: 825 });
    expect(parseTaxRateInput('19 %', 'de-DE')).toEqual({ value: 1900 });
    expect(parseTaxRateInput('0', 'en-US')).toEqual({ value: 0 });
    expect(parseTaxRateInput('7.5', 'en-US')).toEqual({ value: 750 });
    expect(parseTaxRateInput('100', 'en-US')).toEqual({ value: 10_000 });
  });

  it('leaves the range to the schema, but never reads another number', () => {
    // 101 % and -1 % are rates; the API's schema says they are out of range.
    expect(parseTaxRateInput('101', 'en-US')).toEqual({ value: 10_100 });
    expect(parseTaxRateInput('-1', 'en-US')).toEqual({ value: -100 });
    expect(parseTaxRateInput('', 'en-US')).toEqual({ problem: 'is required' });
    expect(parseTaxRateInput('8.255', 'en-US')).toEqual({
      problem: 'must be a percentage with at most two decimal places',
    });
    expect(parseTaxRateInput('8.25', 'de-DE')).toHaveProperty('problem');
    expect(parseTaxRateInput('lots', 'en-US')).toEqual({ problem: 'must be a number (e.g. 8.25)' });
  });

  it('round-trips with taxRateToInput', () => {
    expect(taxRateToInput(825, 'en-US')).toBe('8.25');
    expect(taxRateToInput(825, 'de-DE')).toBe('8,25');
    expect(taxRateToInput(1000, 'en-US')).toBe('10');
    expect(taxRateToInput(750, 'en-US')).toBe('7.5');
    expect(taxRateToInput(0, 'en-US')).toBe('0');
    for (const bps of [0, 1, 99, 825, 10_000]) {
      expect(parseTaxRateInput(taxRateToInput(bps, 'fr-FR'), 'fr-FR')).toEqual({ value: bps });
    }
  });
});

describe('parseWholeInput', () => {
  it("reads readings with the locale's group marks", () => {
    expect(parseWholeInput('52,300', 'en-US')).toEqual({ value: 52_300 });
    expect(parseWholeInput('52.300', 'de-DE')).toEqual({ value: 52_300 });
    expect(parseWholeInput('52300', 'de-DE')).toEqual({ value: 52_300 });
    expect(parseWholeInput('0', 'en-US')).toEqual({ value: 0 });
    expect(parseWholeInput('-5', 'en-US')).toEqual({ value: -5 });
  });

  it('says what is wrong', () => {
    expect(parseWholeInput('', 'en-US')).toEqual({ problem: 'is required' });
    expect(parseWholeInput('12.5', 'en-US')).toEqual({ problem: 'must be a whole number' });
    expect(parseWholeInput('abc', 'en-US')).toEqual({ problem: 'must be a number (e.g. 52,300)' });
    expect(parseWholeInput('99999999999999999999', 'en-US')).toEqual({ problem: 'is too large' });
  });
});

describe('quantities', () => {
  it('are read in the locale into the decimal text the API takes', () => {
    expect(parseQuantityInput('1,5', 'de-DE')).toEqual({ value: '1.5' });
    expect(parseQuantityInput(' 1.5 ', 'en-US')).toEqual({ value: '1.5' });
    // The schema says what is wrong with these; the reader only reads them.
    expect(parseQuantityInput('-2', 'en-US')).toEqual({ value: '-2' });
    expect(parseQuantityInput('1.555', 'en-US')).toEqual({ value: '1.555' });
    expect(parseQuantityInput('two', 'en-US')).toEqual({ problem: 'must be a number (e.g. 1.5)' });
  });

  it('are written back in the locale', () => {
    expect(quantityToInput('1.50', 'de-DE')).toBe('1,5');
    expect(quantityToInput('4', 'en-US')).toBe('4');
  });
});
