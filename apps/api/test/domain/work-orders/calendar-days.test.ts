import { describe, expect, it } from 'vitest';
import {
  dayIn,
  daysBetween,
  fromDateColumn,
  toDateColumn,
} from '../../../src/domain/work-orders/calendar-days';

describe('calendar days', () => {
  it("reads the day it is on the shop's clock, whichever side of UTC", () => {
    const instant = new Date('2026-12-28T03:00:00Z');
    expect(dayIn('UTC', instant)).toBe('2026-12-28');
    expect(dayIn('America/Chicago', instant)).toBe('2026-12-27');
    expect(dayIn('Pacific/Auckland', new Date('2026-12-27T12:00:00Z'))).toBe('2026-12-28');
  });

  it('counts whole days, a daylight-saving change inside or not', () => {
    expect(daysBetween('2026-10-20', '2026-11-19')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-12-28', '2026-12-27')).toBe(-1);
  });

  it("keeps the day through Prisma's midnight-UTC Date for a date column", () => {
    expect(fromDateColumn(toDateColumn('2026-12-28'))).toBe('2026-12-28');
    expect(toDateColumn('2026-12-28').toISOString()).toBe('2026-12-28T00:00:00.000Z');
  });
});
