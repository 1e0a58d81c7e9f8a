import { describe, expect, it } from 'vitest';
import {
  assertShown,
  gradeOfReading,
  lowerIsWorse,
  progressOf,
} from '../../../src/domain/inspections/grading';
import { predictWear, wearDueSoon } from '../../../src/domain/inspections/wear';
import { predictDayOfMileage } from '../../../src/domain/work-orders/reminders';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const dateOf = (instant: Date) => instant.toISOString().slice(0, 10);

// 50 a day: 40,000 on day 0, 43,000 on day 60, 44,500 on day 90.
const odometer = [
  { reading: 40_000, at: day(0) },
  { reading: 43_000, at: day(60) },
  { reading: 44_500, at: day(90) },
];
const pads = { advisoryLimit: 4, requiredLimit: 3 };

describe('grading by limits', () => {
  it('reads which side is worse from the order of the limits', () => {
    expect(lowerIsWorse(pads)).toBe(true);
    expect(lowerIsWorse({ advisoryLimit: -30, requiredLimit: -20 })).toBe(false);
    expect(lowerIsWorse({ advisoryLimit: null, requiredLimit: 3 })).toBe(true);
  });

  it('suggests ok, advisory or required at and past each limit', () => {
    expect(gradeOfReading(6, pads)).toBe('ok');
    expect(gradeOfReading(4, pads)).toBe('advisory');
    expect(gradeOfReading(3.5, pads)).toBe('advisory');
    expect(gradeOfReading(3, pads)).toBe('required');
    const freeze = { advisoryLimit: -30, requiredLimit: -20 };
    expect(gradeOfReading(-36, freeze)).toBe('ok');
    expect(gradeOfReading(-25, freeze)).toBe('advisory');
    expect(gradeOfReading(-12, freeze)).toBe('required');
    expect(gradeOfReading(50, { advisoryLimit: null, requiredLimit: null })).toBeNull();
  });

  it('refuses required without a photo, naming the grade', () => {
    expect(() => assertShown('required', 0)).toThrow(/grade: required needs a photo/);
    expect(() => assertShown('required', 1)).not.toThrow();
    expect(() => assertShown('advisory', 0)).not.toThrow();
  });

  it('counts progress and findings', () => {
    expect(progressOf([{ grade: 'ok' }, { grade: null }, { grade: 'required' }])).toEqual({
      graded: 2,
      total: 3,
      advisory: 0,
      required: 1,
    });
  });
});

describe('wear predicted from a series of readings', () => {
  it('fits a line through the readings by mileage and finds where it meets the required limit', () => {
    // 9 mm at 20,000, 7 mm at 30,000, 5 mm at 40,000: 0.2 mm per 1,000; 3 mm at 50,000.
    const readings = [
      { mileage: 20_000, value: 9 },
      { mileage: 30_000, value: 7 },
      { mileage: 40_000, value: 5 },
    ];
    const prediction = predictWear(readings, pads, odometer);
    expect(prediction).toMatchObject({ limit: 3, mileage: 50_000, reached: false });
    expect(prediction?.perThousand).toBeCloseTo(-0.2, 10);
    // 50,000 is 5,500 past the latest reading (44,500 on day 90) at 50 a day: 110 days on.
    expect(prediction?.day && dateOf(prediction.day)).toBe(dateOf(day(200)));
  });

  it('takes readings in any order and smooths a noisy series', () => {
    const noisy = [
      { mileage: 40_000, value: 5.2 },
      { mileage: 20_000, value: 8.8 },
      { mileage: 30_000, value: 7.1 },
    ];
    const prediction = predictWear(noisy, pads, []);
    expect(prediction?.mileage).toBeGreaterThan(48_000);
    expect(prediction?.mileage).toBeLessThan(54_000);
    // Without an odometer trend there is no day.
    expect(prediction?.day).toBeNull();
  });

  it('says a series at its limit has reached it, and one not wearing says nothing', () => {
    expect(
      predictWear(
        [
          { mileage: 10_000, value: 5 },
          { mileage: 20_000, value: 2.5 },
        ],
        pads,
        odometer,
      ),
    ).toMatchObject({ reached: true, mileage: 20_000 });
    const steady = [
      { mileage: 10_000, value: 80 },
      { mileage: 20_000, value: 82 },
    ];
    expect(predictWear(steady, { advisoryLimit: 70, requiredLimit: 50 }, odometer)).toBeNull();
    expect(predictWear([{ mileage: 10_000, value: 6 }], pads, odometer)).toBeNull();
    expect(predictWear(steady, { advisoryLimit: null, requiredLimit: null }, odometer)).toBeNull();
  });

  it('predicts a rising reading towards a higher limit (a freeze point that climbs)', () => {
    const freeze = { advisoryLimit: -30, requiredLimit: -20 };
    const readings = [
      { mileage: 10_000, value: -36 },
      { mileage: 30_000, value: -28 },
    ];
    expect(predictWear(readings, freeze, [])).toMatchObject({ limit: -20, mileage: 50_000 });
  });

  it('is due soon within 1,000 of the predicted mileage, or 30 days of today, or once reached', () => {
    const prediction = {
      limit: 3,
      mileage: 50_000,
      day: day(200),
      perThousand: -0.2,
      reached: false,
    };
    expect(wearDueSoon(prediction, 49_100, dateOf(day(90)), dateOf)).toBe(true);
    expect(wearDueSoon(prediction, 45_000, dateOf(day(175)), dateOf)).toBe(true);
    expect(wearDueSoon(prediction, 45_000, dateOf(day(90)), dateOf)).toBe(false);
    expect(wearDueSoon({ ...prediction, reached: true }, null, dateOf(day(0)), dateOf)).toBe(true);
  });

  it("turns a mileage into a day with the odometer's trend, as Due soon does", () => {
    expect(dateOf(predictDayOfMileage(odometer, 45_000) ?? day(-1))).toBe(dateOf(day(100)));
    expect(predictDayOfMileage(odometer, 30_000)).toEqual(day(90));
    expect(predictDayOfMileage([{ reading: 1, at: day(0) }], 2)).toBeNull();
  });
});
