import { describe, expect, it } from 'vitest';
import {
  moneyToInput,
  parseMoneyInput,
  parseTaxRateInput,
  parseWholeInput,
  taxRateToInput,
} from '~/lib/amount-input';

describe('parseMoneyInput', () => {
  it('reads amounts as typed into minor units', () => {
    expect(parseMoneyInput('120', 'USD')).toEqual({ value: 12_000 });
    expect(parseMoneyInput('120.5', 'USD')).toEqual({ value: 12_050 });
    expect(parseMoneyInput(' 1,200.00 ', 'USD')).toEqual({ value: 120_000 });
    expect(parseMoneyInput('$7.49', 'USD')).toEqual({ value: 749 });
    expect(parseMoneyInput('.99', 'USD')).toEqual({ value: 99 });
    expect(parseMoneyInput('1200', 'JPY')).toEqual({ value: 1200 });
  });

  it('is exact where parseFloat times 100 is not', () => {
    // parseFloat('4.35') * 100 is 434.99999999999994.
    expect(parseMoneyInput('4.35', 'USD')).toEqual({ value: 435 });
    expect(parseMoneyInput('1.15', 'USD')).toEqual({ value: 115 });
  });

  it('names the problem', () => {
    expect(parseMoneyInput('', 'USD')).toEqual({ problem: 'is required' });
    expect(parseMoneyInput('1.234', 'USD')).toEqual({
      problem: 'must be an amount with at most 2 decimal places',
    });
    expect(parseMoneyInput('abc', 'USD')).toHaveProperty('problem');
    expect(parseMoneyInput('-5', 'USD')).toHaveProperty('problem');
    expect(parseMoneyInput('.', 'USD')).toHaveProperty('problem');
    expect(parseMoneyInput('12.5', 'JPY')).toEqual({ problem: 'must be a whole amount' });
  });

  it('round-trips with moneyToInput', () => {
    expect(moneyToInput(12_000, 'USD')).toBe('120.00');
    expect(moneyToInput(5, 'USD')).toBe('0.05');
    expect(parseMoneyInput(moneyToInput(749, 'USD'), 'USD')).toEqual({ value: 749 });
  });
});

describe('parseTaxRateInput', () => {
  it('reads a percentage into basis points', () => {
    expect(parseTaxRateInput('8.25')).toEqual({ value: 825 });
    expect(parseTaxRateInput('8.25 %')).toEqual({ value: 825 });
    expect(parseTaxRateInput('0')).toEqual({ value: 0 });
    expect(parseTaxRateInput('7.5')).toEqual({ value: 750 });
    expect(parseTaxRateInput('100')).toEqual({ value: 10_000 });
  });

  it('refuses what is not a rate', () => {
    expect(parseTaxRateInput('')).toEqual({ problem: 'is required' });
    expect(parseTaxRateInput('8.255')).toHaveProperty('problem');
    expect(parseTaxRateInput('101')).toEqual({ problem: 'must be at most 100 %' });
    expect(parseTaxRateInput('-1')).toHaveProperty('problem');
  });

  it('round-trips with taxRateToInput', () => {
    expect(taxRateToInput(825)).toBe('8.25');
    expect(taxRateToInput(1000)).toBe('10');
    expect(taxRateToInput(750)).toBe('7.5');
    expect(taxRateToInput(0)).toBe('0');
  });
});

describe('parseWholeInput', () => {
  it('reads odometer readings', () => {
    expect(parseWholeInput('52,300')).toEqual({ value: 52_300 });
    expect(parseWholeInput('0')).toEqual({ value: 0 });
    expect(parseWholeInput('')).toEqual({ problem: 'is required' });
    expect(parseWholeInput('12.5')).toEqual({ problem: 'must be a whole number' });
  });
});
