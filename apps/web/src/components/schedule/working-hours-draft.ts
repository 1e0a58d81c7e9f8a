import type { FieldErrors } from '~/lib/field-errors';
import { minuteOfTime, timeOfMinute, type WeekdaySpan, weekdays } from './week-minutes';

// A technician's week as the working-hours form holds it (a row per weekday, times typed as
// `HH:MM`, days off as calendar dates) and as `schedule.setWorkingHours` takes it (minutes after
// midnight, only the weekdays worked). Problems come back by the input's paths (`hours.2.endMinute`)
// and are placed on the weekday or day off they belong to.

/** A weekday per row (`on`: worked), and the days off. */
export type WorkingHoursDraft = { week: WeekdaySpan[]; daysOff: string[] };

/** The technician's week as the API answers it (`schedule.setup`). */
export type TechnicianWeek = {
  hours: readonly { weekday: number; startMinute: number; endMinute: number }[];
  daysOff: readonly string[];
};

/** A weekday not worked yet starts from a usual working day when ticked. */
const usualDay = { from: '08:00', to: '17:00' };

/** The form's draft of a technician's week. */
export function draftOfWeek(technician: TechnicianWeek): WorkingHoursDraft {
  return {
    week: weekdays.map((_, index) => {
      const row = technician.hours.find((each) => each.weekday === index + 1);
      return row
        ? { on: true, from: timeOfMinute(row.startMinute), to: timeOfMinute(row.endMinute) }
        : { on: false, ...usualDay };
    }),
    daysOff: [...technician.daysOff].sort(),
  };
}

/** The weekdays worked, each with its weekday index (0 = Monday), in the order they are sent. */
const worked = (draft: WorkingHoursDraft) =>
  draft.week.flatMap((day, index) => (day.on ? [{ day, index }] : []));

/**
 * What the form sends for `draft` (times read as minutes), and the problems of the times it
 * could not read at all, by the paths the schema names them with.
 */
export function readWorkingHours(draft: WorkingHoursDraft, technicianId: number | null) {
  const unread: FieldErrors = {};
  const hours = worked(draft).map(({ day, index }, at) => {
    const [startMinute, endMinute] = [minuteOfTime(day.from), minuteOfTime(day.to)];
    if (startMinute === null) unread[`hours.${at}.startMinute`] = 'must be a time (HH:MM)';
    if (endMinute === null) unread[`hours.${at}.endMinute`] = 'must be a time (HH:MM)';
    // A time not read stands in as the widest day (midnight to midnight), so the schema still
    // checks every other weekday in the same submit; its own problem is the one in `unread`.
    return { weekday: index + 1, startMinute: startMinute ?? 0, endMinute: endMinute ?? 1440 };
  });
  return {
    candidate: {
      technicianId: technicianId ?? undefined,
      hours,
      daysOff: draft.daysOff.map((day) => ({ day })),
    },
    unread,
  };
}

/** The first of `fields`' problems under any of `paths`, worded after `label`. */
function firstOf(fields: FieldErrors, label: string, paths: readonly string[]) {
  const path = paths.find((each) => fields[each]);
  if (!path) return undefined;
  const part = path.endsWith('startMinute') ? 'start ' : path.endsWith('endMinute') ? 'end ' : '';
  return `${label} ${part}${fields[path]}`;
}

/** Each weekday's problem (or undefined), from problems named by the sent input's paths. */
export function weekdayProblems(draft: WorkingHoursDraft, fields: FieldErrors) {
  const problems: (string | undefined)[] = weekdays.map(() => undefined);
  worked(draft).forEach(({ index }, at) => {
    const base = `hours.${at}`;
    problems[index] = firstOf(fields, weekdays[index] ?? base, [
      `${base}.startMinute`,
      `${base}.endMinute`,
      `${base}.weekday`,
      base,
    ]);
  });
  return problems;
}

/** Each day off's problem (or undefined). */
export const dayOffProblems = (draft: WorkingHoursDraft, fields: FieldErrors) =>
  draft.daysOff.map((day, at) =>
    firstOf(fields, day || 'The day', [`daysOff.${at}.day`, `daysOff.${at}`]),
  );

/** The paths the form shows a problem for (by weekday, by day off); others go above it. */
export function shownPaths(draft: WorkingHoursDraft): string[] {
  const hours = worked(draft).flatMap((_, at) =>
    ['', '.startMinute', '.endMinute', '.weekday'].map((part) => `hours.${at}${part}`),
  );
  const daysOff = draft.daysOff.flatMap((_, at) => [`daysOff.${at}.day`, `daysOff.${at}`]);
  return [...hours, ...daysOff];
}

/** Adds a day off to the draft (once, in order). */
export const withDayOff = (draft: WorkingHoursDraft, day: string): WorkingHoursDraft => ({
  ...draft,
  daysOff: [...new Set([...draft.daysOff, day])].sort(),
});
