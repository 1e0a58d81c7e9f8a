import { describe, expect, it } from 'vitest';
import {
  drawable,
  formatDate,
  formatMileage,
  formatMoney,
  formatQuantity,
} from '../../src/invoices/format';

// How the invoice PDF writes money, dates and text (pure: no database, no PDF).

describe('invoice formatting', () => {
  it('writes integer minor units in the currency, exactly', () => {
    expect(formatMoney(23_078, 'USD')).toBe('$230.78');
    expect(formatMoney(5, 'EUR')).toBe('€0.05');
    expect(formatMoney(-1_250, 'USD')).toBe('-$12.50');
    expect(formatMoney(123_456_789_012, 'USD')).toBe('$1,234,567,890.12');
    // Yen have no minor unit: the amount is whole yen.
    expect(formatMoney(1_500, 'JPY')).toBe('¥1,500');
    expect(() => formatMoney(1.5, 'USD')).toThrow(RangeError);
  });

  it("writes the day on the shop's clock", () => {
    const moment = new Date('2026-12-02T20:30:00Z');
    expect(formatDate(moment, 'UTC')).toBe('2026-12-02');
    expect(formatDate(moment, 'Pacific/Kiritimati')).toBe('2026-12-03');
    expect(formatDate(moment, 'America/Los_Angeles')).toBe('2026-12-02');
  });

  it('writes quantities and readings as people read them', () => {
    expect(formatQuantity('1.50')).toBe('1.5');
    expect(formatQuantity('4.00')).toBe('4');
    expect(formatQuantity('4')).toBe('4');
    expect(formatMileage(148_155)).toBe('148,155');
  });

  it('keeps what the built-in fonts draw and replaces the rest', () => {
    expect(drawable('Zoë Müller — “Garage” €5')).toBe('Zoë Müller — “Garage” €5');
    expect(drawable('12 Quay St\nPortsmouth')).toBe('12 Quay St\nPortsmouth');
    // Intl's narrow no-break space (e.g. "3:45 PM") and a tab become plain spaces.
    expect(drawable('3:45\u202fPM\tok')).toBe('3:45 PM ok');
    expect(drawable('₹500 Дмитрий')).toBe('?500 ???????');
  });
});
