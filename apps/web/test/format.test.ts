import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMileage,
  formatQuantity,
  formatTaxRate,
  formatTtl,
  sentence,
} from '~/lib/format';

describe('panel formatting', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(undefined)).toBe('–');
    expect(formatBytes(null)).toBe('–');
  });

  it('formats remaining TTL', () => {
    expect(formatTtl(42_000)).toBe('42 s');
    expect(formatTtl(600_000)).toBe('10 min');
    expect(formatTtl(-1)).toBe('no TTL');
  });

  it('formats loader time saved', () => {
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(252_000)).toBe('4.2 min');
  });
});

describe('text formatting', () => {
  it('starts an API message with a capital', () => {
    expect(sentence('this customer still owns 2 vehicles')).toBe(
      'This customer still owns 2 vehicles',
    );
    expect(sentence('')).toBe('');
  });

  it('formats mileage with thousands separators', () => {
    expect(formatMileage(52_300)).toBe('52,300 mi');
    expect(formatMileage(0)).toBe('0 mi');
  });
});

describe('rates and quantities', () => {
  it('formats basis points as a percentage', () => {
    expect(formatTaxRate(825)).toBe('8.25 %');
    expect(formatTaxRate(1000)).toBe('10 %');
    expect(formatTaxRate(750)).toBe('7.5 %');
    expect(formatTaxRate(0)).toBe('0 %');
  });

  it('drops trailing zeros of a quantity', () => {
    expect(formatQuantity('1.50')).toBe('1.5');
    expect(formatQuantity('4.00')).toBe('4');
    expect(formatQuantity('10')).toBe('10');
    expect(formatQuantity('0.25')).toBe('0.25');
  });
});

describe('formatDateTime and formatDate', () => {
  const moment = new Date('2025-03-01T14:05:59.123Z');

  it("prints the shop's wall clock, not UTC", () => {
    expect(formatDateTime(moment, 'America/New_York')).toBe('2025-03-01 09:05');
    expect(formatDateTime(moment, 'Asia/Tokyo')).toBe('2025-03-01 23:05');
    expect(formatDateTime(moment, 'UTC')).toBe('2025-03-01 14:05');
  });

  it('follows daylight saving time', () => {
    expect(formatDateTime(new Date('2025-07-01T14:05:00Z'), 'America/New_York')).toBe(
      '2025-07-01 10:05',
    );
  });

  it('uses a 24-hour clock, midnight as 00', () => {
    expect(formatDateTime(new Date('2025-03-01T05:00:00Z'), 'America/New_York')).toBe(
      '2025-03-01 00:00',
    );
  });

  it('gives the day in the shop, which may differ from the day in UTC', () => {
    expect(formatDate(new Date('2025-03-02T02:00:00Z'), 'America/Los_Angeles')).toBe('2025-03-01');
    expect(formatDate(new Date('2025-03-02T02:00:00Z'), 'UTC')).toBe('2025-03-02');
  });
});
