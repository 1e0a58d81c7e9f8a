import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/app-error';
import {
  checkOdometerReading,
  latestReading,
  mileageFromLog,
} from '../../../src/domain/work-orders/odometer';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

const check = (overrides: Partial<Parameters<typeof checkOdometerReading>[0]>) =>
  checkOdometerReading({
    field: 'odometerIn',
    reading: 52_000,
    at: day(30),
    correction: false,
    vehicleMileage: 50_000,
    previous: { reading: 50_000, at: day(0) },
    ...overrides,
  });

describe('a new odometer reading', () => {
  it('at or above the vehicle mileage is accepted', () => {
    expect(check({})).toEqual({ implausible: false });
    expect(check({ reading: 50_000 })).toEqual({ implausible: false });
  });

  it('below the vehicle mileage is refused, naming the field, unless marked a correction', () => {
    const error = (() => {
      try {
        check({ reading: 49_999, field: 'odometerOut' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'BAD_INPUT' });
    expect(Object.keys((error as AppError).fields)).toEqual(['odometerOut']);
    expect((error as Error).message).toMatch(/below the vehicle's mileage \(50000\)/);
    expect(check({ reading: 49_999, correction: true })).toEqual({ implausible: false });
  });

  it('is flagged, not refused, when it jumps over 100,000 within 30 days', () => {
    expect(check({ reading: 150_000, at: day(30) })).toEqual({ implausible: false });
    expect(check({ reading: 150_001, at: day(30) })).toEqual({ implausible: true });
    expect(check({ reading: 150_001, at: day(1) })).toEqual({ implausible: true });
    // Over a longer time the same rate is the limit: 200,000 in 60 days is plausible, not more.
    expect(check({ reading: 250_000, at: day(60) })).toEqual({ implausible: false });
    expect(check({ reading: 250_001, at: day(60) })).toEqual({ implausible: true });
    // A first reading has nothing to jump from.
    expect(check({ reading: 900_000, previous: null })).toEqual({ implausible: false });
  });

  it('must be a whole number, 0 or more', () => {
    expect(() => check({ reading: -1, correction: true })).toThrow(
      expect.objectContaining({ name: 'AppError', code: 'BAD_INPUT' }),
    );
    expect(() => check({ reading: 50_000.5 })).toThrow(/whole number/);
  });
});

describe("the vehicle's mileage", () => {
  it('follows its latest reading, a correction included', () => {
    const log = [
      { reading: 10_000, at: day(0) },
      { reading: 31_000, at: day(20) },
      { reading: 13_000, at: day(21), correction: true },
      { reading: 12_000, at: day(5) },
    ];
    expect(mileageFromLog(log, 0)).toBe(13_000);
    expect(latestReading(log)?.at).toEqual(day(21));
    expect(mileageFromLog([], 42)).toBe(42);
  });

  it('of two readings at the same time takes the later one in the log', () => {
    expect(
      mileageFromLog(
        [
          { reading: 100, at: day(1) },
          { reading: 120, at: day(1) },
        ],
        0,
      ),
    ).toBe(120);
  });
});
