import { describe, expect, it } from 'vitest';
import { moneyIn, tooLargeToShow } from '~/lib/money-of';

describe('amounts in the currency the API said', () => {
  it('formats in that currency, whatever the shop uses now', () => {
    expect(moneyIn({ currency: 'EUR', locale: null })(48_386)).toBe('€483.86');
    expect(moneyIn({ currency: 'USD', locale: null })(48_386)).toBe('$483.86');
    expect(moneyIn({ currency: 'JPY', locale: null })(1_500)).toBe('¥1,500');
  });

  it('says an amount too large to show is so, instead of failing or rounding', () => {
    expect(moneyIn({ currency: 'USD', locale: null })(null)).toBe(tooLargeToShow);
  });
});
