import { describe, expect, it } from 'vitest';
import { readDecimal, writeDecimal } from '../src/typed-number';

describe('readDecimal', () => {
  it("reads numbers by the locale's marks into canonical decimal text", () => {
    expect(readDecimal('1,5', 'de-DE')).toEqual({ value: '1.5' });
    expect(readDecimal('1.5', 'en-US')).toEqual({ value: '1.5' });
    expect(readDecimal('52.300', 'de-DE', { maxFractionDigits: 0 })).toEqual({ value: '52300' });
    expect(readDecimal('52,300', 'en-US', { maxFractionDigits: 0 })).toEqual({ value: '52300' });
    expect(readDecimal('52 300', 'fr-FR')).toEqual({ value: '52300' });
    expect(readDecimal('-2', 'en-US')).toEqual({ value: '-2' });
    expect(readDecimal('007', 'en-US')).toEqual({ value: '7' });
    expect(readDecimal(',25', 'de-DE')).toEqual({ value: '0.25' });
  });

  it('takes the units it is given', () => {
    expect(readDecimal('8,25 %', 'de-DE', { units: ['%'] })).toEqual({ value: '8.25' });
    expect(readDecimal('8.25%', 'en-US', { units: ['%'] })).toEqual({ value: '8.25' });
    expect(readDecimal('8.25%', 'en-US')).toHaveProperty('problem');
  });

  it('says what is wrong, in the words of the locale', () => {
    expect(readDecimal('', 'en-US')).toEqual({ problem: 'is required' });
    expect(readDecimal('two', 'de-DE')).toEqual({ problem: 'must be a number (e.g. 1,5)' });
    expect(readDecimal('1.5', 'de-DE')).toEqual({
      problem: 'must use "," for decimals; "." groups thousands (e.g. 1.234.567)',
    });
    expect(
      readDecimal('12.5', 'en-US', { maxFractionDigits: 0, tooManyDecimals: 'must be whole' }),
    ).toEqual({ problem: 'must be whole' });
  });
});

describe('writeDecimal', () => {
  it('writes canonical text in the locale', () => {
    expect(writeDecimal('1.5', 'de-DE')).toBe('1,5');
    expect(writeDecimal('8.25', 'fr-FR')).toBe('8,25');
    expect(writeDecimal('0.25', 'en-US')).toBe('0.25');
  });
});
