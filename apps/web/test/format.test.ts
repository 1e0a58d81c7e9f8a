import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDateTime,
  formatDuration,
  formatMileage,
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

describe('formatDateTime', () => {
  it('prints UTC minutes, whatever the machine time zone', () => {
    expect(formatDateTime(new Date('2025-03-01T14:05:59.123Z'))).toBe('2025-03-01 14:05 UTC');
  });
});
