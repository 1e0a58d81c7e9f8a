/**
 * A calendar date (a next service's "by" day), as the API sends it ("2026-12-28"): the same day
 * wherever it is read, so it is shown as it is, never moved through a time zone.
 */
export function CalendarDate({ day }: { day: string }) {
  return <time dateTime={day}>{day}</time>;
}
