import { describe, expect, it } from 'vitest';
import { fromWallClockInput, toWallClockInput } from '~/lib/zoned-time';

describe('promised times on the shop clock', () => {
  it("reads a datetime-local value on the shop's clock", () => {
    expect(fromWallClockInput('2025-03-01T14:05', 'America/New_York')?.toISOString()).toBe(
      '2025-03-01T19:05:00.000Z',
    );
    expect(fromWallClockInput('2025-03-01T14:05', 'Asia/Tokyo')?.toISOString()).toBe(
      '2025-03-01T05:05:00.000Z',
    );
  });

  it('shows a moment as the shop clock reads it', () => {
    const moment = new Date('2025-07-01T14:05:00Z');
    expect(toWallClockInput(moment, 'America/New_York')).toBe('2025-07-01T10:05');
    expect(toWallClockInput(moment, 'UTC')).toBe('2025-07-01T14:05');
  });

  it('round-trips', () => {
    const text = '2025-11-20T08:30';
    const moment = fromWallClockInput(text, 'Europe/Berlin');
    expect(moment && toWallClockInput(moment, 'Europe/Berlin')).toBe(text);
  });

  it('moves a time skipped by daylight saving forward', () => {
    // 02:30 does not exist in New York on 2025-03-09: clocks jump from 02:00 to 03:00.
    expect(fromWallClockInput('2025-03-09T02:30', 'America/New_York')?.toISOString()).toBe(
      '2025-03-09T07:30:00.000Z',
    );
  });

  it('is null for an empty or partial field', () => {
    expect(fromWallClockInput('', 'UTC')).toBeNull();
    expect(fromWallClockInput('2025-03-01', 'UTC')).toBeNull();
  });
});
