import { describe, expect, it } from 'vitest';
import { predictMileage, reminderStatus } from '../../src/work-orders/reminders';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

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
    const due = { dueMileage: null, dueDate: day(120) };
    expect(reminderStatus(due, steady, day(89)).dueSoon).toBe(false);
    expect(reminderStatus(due, steady, day(90))).toMatchObject({ dueSoon: true, byDate: true });
    expect(reminderStatus(due, steady, day(200)).dueSoon).toBe(true);
  });

  it('is predicted within 1,000 of its mileage mark, past it included', () => {
    const due = { dueMileage: 50_000, dueDate: null };
    // 50 a day from 44,500 on day 90: 48,950 on day 179, 49,000 on day 180.
    expect(reminderStatus(due, steady, day(179)).byMileage).toBe(false);
    expect(reminderStatus(due, steady, day(180))).toEqual({
      dueSoon: true,
      byDate: false,
      byMileage: true,
      predictedMileage: 49_000,
    });
    expect(reminderStatus(due, steady, day(400)).dueSoon).toBe(true);
  });

  it('comes due by whichever mark comes first', () => {
    const due = { dueMileage: 50_000, dueDate: day(400) };
    expect(reminderStatus(due, steady, day(180))).toMatchObject({ byMileage: true, byDate: false });
    expect(reminderStatus({ ...due, dueDate: day(150) }, steady, day(130))).toMatchObject({
      byMileage: false,
      byDate: true,
    });
  });

  it('is never due by mileage without readings', () => {
    expect(reminderStatus({ dueMileage: 1, dueDate: null }, [], day(0)).dueSoon).toBe(false);
  });
});
