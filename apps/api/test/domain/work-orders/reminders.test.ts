import { describe, expect, it } from 'vitest';
import { predictMileage, reminderStatus } from '../../../src/domain/work-orders/reminders';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
/** The calendar date of `day(n)`. */
const date = (n: number) => day(n).toISOString().slice(0, 10);

// 50 a day: 40,000 on day 0, 43,000 on day 60, 44,500 on day 90.
const steady = [
  { reading: 40_000, at: day(0) },
  { reading: 43_000, at: day(60) },
  { reading: 44_500, at: day(90) },
];

describe('predicted mileage', () => {
  it('extends the average distance per day of the readings', () => {
    expect(predictMileage(steady, day(90))).toBe(44_500);
    expect(predictMileage(steady, day(100))).toBe(45_000);
    expect(predictMileage(steady.toReversed(), day(190))).toBe(49_500);
  });

  it('is the latest reading when the readings span less than 30 days, or there is one', () => {
    const sameWeek = [
      { reading: 40_000, at: day(0) },
      { reading: 40_300, at: day(2) },
    ];
    expect(predictMileage(sameWeek, day(200))).toBe(40_300);
    expect(predictMileage([{ reading: 7, at: day(0) }], day(400))).toBe(7);
    expect(predictMileage([], day(0))).toBeNull();
  });

  it('restarts the trend at the last correction and skips implausible readings', () => {
    const corrected = [
      { reading: 10_000, at: day(0) },
      { reading: 90_000, at: day(40) },
      { reading: 20_000, at: day(50), correction: true },
      { reading: 999_999, at: day(60), implausible: true },
      { reading: 21_500, at: day(80) },
    ];
    // From the correction: 1,500 in 30 days = 50 a day.
    expect(predictMileage(corrected, day(100))).toBe(22_500);
  });

  it('never predicts less than the latest reading (a trend going down counts as 0)', () => {
    const down = [
      { reading: 50_000, at: day(0) },
      { reading: 49_000, at: day(40) },
    ];
    expect(predictMileage(down, day(100))).toBe(49_000);
  });
});

describe('a reminder due soon', () => {
  it('is due within 30 days by date, overdue included', () => {
    const due = { dueMileage: null, dueDate: date(120) };
    expect(reminderStatus(due, steady, day(89), 'UTC').dueSoon).toBe(false);
    expect(reminderStatus(due, steady, day(90), 'UTC')).toMatchObject({
      dueSoon: true,
      byDate: true,
    });
    expect(reminderStatus(due, steady, day(200), 'UTC').dueSoon).toBe(true);
  });

  it('is predicted within 1,000 of its mileage mark, past it included', () => {
    const due = { dueMileage: 50_000, dueDate: null };
    // 50 a day from 44,500 on day 90: 48,950 on day 179, 49,000 on day 180.
    expect(reminderStatus(due, steady, day(179), 'UTC').byMileage).toBe(false);
    expect(reminderStatus(due, steady, day(180), 'UTC')).toEqual({
      dueSoon: true,
      byDate: false,
      byMileage: true,
      predictedMileage: 49_000,
    });
    expect(reminderStatus(due, steady, day(400), 'UTC').dueSoon).toBe(true);
  });

  it('comes due by whichever mark comes first', () => {
    const due = { dueMileage: 50_000, dueDate: date(400) };
    expect(reminderStatus(due, steady, day(180), 'UTC')).toMatchObject({
      byMileage: true,
      byDate: false,
    });
    expect(reminderStatus({ ...due, dueDate: date(150) }, steady, day(130), 'UTC')).toMatchObject({
      byMileage: false,
      byDate: true,
    });
  });

  it('is never due by mileage without readings', () => {
    expect(reminderStatus({ dueMileage: 1, dueDate: null }, [], day(0), 'UTC').dueSoon).toBe(false);
  });
});

describe("a date due soon, judged by the shop's calendar", () => {
  const byDate = (dueDate: string, now: string, timeZone: string) =>
    reminderStatus({ dueMileage: null, dueDate }, [], new Date(now), timeZone).byDate;

  it('counts from the day it is in a shop west of UTC, late in its evening', () => {
    // 23:30 on 2026-10-20 in Chicago is already the 21st in UTC. Clocks go back on 1 November.
    const now = '2026-10-21T04:30:00Z';
    expect(byDate('2026-11-19', now, 'America/Chicago')).toBe(true);
    expect(byDate('2026-11-20', now, 'America/Chicago')).toBe(false);
  });

  it('counts from the day it is in a shop east of UTC, early in its morning', () => {
    // 00:30 on 2026-09-10 in Auckland is still the 9th in UTC. Clocks go forward on 27 September.
    const now = '2026-09-09T12:30:00Z';
    expect(byDate('2026-10-10', now, 'Pacific/Auckland')).toBe(true);
    expect(byDate('2026-10-11', now, 'Pacific/Auckland')).toBe(false);
  });
});
