import { describe, expect, it } from 'vitest';
import { calendarDate, isCalendarDate } from '../src/calendar-date';

describe('calendar dates', () => {
  it('takes YYYY-MM-DD days that exist, leap days included', () => {
    for (const day of ['2026-12-28', '2028-02-29', '0001-01-01', '9999-12-31']) {
      expect(isCalendarDate(day)).toBe(true);
    }
  });

  it('refuses days that do not exist, other shapes, and instants', () => {
    for (const text of [
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '0000-01-01',
      '2026-1-5',
      '28/12/2026',
      '2026-12-28T00:00:00Z',
      '',
    ]) {
      expect(isCalendarDate(text)).toBe(false);
    }
  });

  it('says what it wants', () => {
    const refused = calendarDate.safeParse('2026-02-30');
    expect(refused.error?.issues[0]?.message).toBe('must be a date (YYYY-MM-DD) that exists');
    expect(calendarDate.safeParse(new Date()).error?.issues[0]?.message).toBe(
      'must be a date (YYYY-MM-DD)',
    );
  });
});
