import { workingHoursInput } from '@garage/validators';
import { describe, expect, it } from 'vitest';
import {
  dayOffProblems,
  draftOfWeek,
  readWorkingHours,
  weekdayProblems,
  withDayOff,
} from '~/components/schedule/working-hours-draft';
import { checkInput } from '~/lib/form-check';

const week = draftOfWeek({
  hours: [
    { weekday: 1, startMinute: 480, endMinute: 1020 },
    { weekday: 3, startMinute: 450, endMinute: 930 },
  ],
  daysOff: ['2027-01-04', '2026-12-24'],
});

/** What the form would send for `draft`, or every problem it shows. */
function submitted(draft: typeof week) {
  const { candidate, unread } = readWorkingHours(draft, 7);
  return checkInput(workingHoursInput, candidate, unread);
}

describe("a technician's week in the working-hours form", () => {
  it('shows the stored hours by weekday, the others not worked, days off in order', () => {
    expect(week.week[0]).toEqual({ on: true, from: '08:00', to: '17:00' });
    expect(week.week[1]).toMatchObject({ on: false });
    expect(week.week[2]).toEqual({ on: true, from: '07:30', to: '15:30' });
    expect(week.daysOff).toEqual(['2026-12-24', '2027-01-04']);
  });

  it('sends the weekdays worked as minutes after midnight, and the days off', () => {
    expect(submitted(week)).toEqual({
      input: {
        technicianId: 7,
        hours: [
          { weekday: 1, startMinute: 480, endMinute: 1020 },
          { weekday: 3, startMinute: 450, endMinute: 930 },
        ],
        daysOff: [{ day: '2026-12-24' }, { day: '2027-01-04' }],
      },
    });
  });

  it("places every problem on its weekday in one submit, in the API's words", () => {
    const broken = {
      ...week,
      week: week.week.map((day, index) =>
        index === 0
          ? { ...day, to: '07:00' }
          : index === 2
            ? { ...day, from: '' }
            : index === 4
              ? { on: true, from: '09:00', to: '09:00' }
              : day,
      ),
    };
    const checked = submitted(broken);
    if (!('problems' in checked)) throw new Error('the broken week was accepted');
    const problems = weekdayProblems(broken, checked.problems);
    expect(problems[0]).toBe('Monday must end after it starts');
    expect(problems[2]).toBe('Wednesday start must be a time (HH:MM)');
    expect(problems[4]).toBe('Friday must end after it starts');
    expect(problems.filter(Boolean)).toHaveLength(3);
  });

  it('adds a day off once, in order, and names a refused one', () => {
    const added = withDayOff(withDayOff(week, '2026-12-31'), '2026-12-31');
    expect(added.daysOff).toEqual(['2026-12-24', '2026-12-31', '2027-01-04']);
    expect(dayOffProblems(added, { 'daysOff.1.day': 'must be in the years 2000 to 2099' })).toEqual(
      [undefined, '2026-12-31 must be in the years 2000 to 2099', undefined],
    );
  });
});
