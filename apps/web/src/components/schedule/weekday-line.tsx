import { useId } from 'react';
import type { WeekdaySpan } from './week-minutes';

/**
 * A weekday's line of a week form (opening hours, a technician's hours): a box for whether the
 * day counts, its from and to times (on the shop's clock), and its problem tied to them.
 */
export function WeekdayLine({
  weekday,
  span,
  labels,
  problem,
  onChange,
}: {
  weekday: string;
  span: WeekdaySpan;
  /** The words of the box and the two times: "Open", "Opens", "Closes". */
  labels: { on: string; from: string; to: string };
  problem?: string | undefined;
  onChange: (patch: Partial<WeekdaySpan>) => void;
}) {
  const errorId = useId();
  const invalid = problem ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <fieldset className="opening-day">
      <legend>{weekday}</legend>
      <label>
        <input
          type="checkbox"
          checked={span.on}
          onChange={(event) => onChange({ on: event.target.checked })}
        />{' '}
        {labels.on}
      </label>
      <label>
        {labels.from}
        <input
          type="time"
          value={span.from}
          disabled={!span.on}
          onChange={(event) => onChange({ from: event.target.value })}
          {...invalid}
        />
      </label>
      <label>
        {labels.to}
        <input
          type="time"
          value={span.to}
          disabled={!span.on}
          onChange={(event) => onChange({ to: event.target.value })}
          {...invalid}
        />
      </label>
      <span id={errorId} className="field-error" aria-live="polite">
        {problem}
      </span>
    </fieldset>
  );
}
