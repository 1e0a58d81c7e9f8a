import type { RouterOutputs } from '@garage/api';
import { CalendarDate } from '~/components/calendar-date';
import { formatMileage } from '~/lib/format';

type NextService = NonNullable<RouterOutputs['vehicle']['history']['nextService']>;

/** The vehicle's next service: what, at which mileage and/or on which day, and if it is due soon. */
export function NextServiceCard({ next }: { next: NextService | null }) {
  return (
    <section className="card" aria-labelledby="next-service-title">
      <h2 id="next-service-title">Next service</h2>
      {next === null ? (
        <p className="muted">
          No next service is set yet: it is set when a work order is invoiced.
        </p>
      ) : (
        <>
          <p>
            <strong>{next.description}</strong>{' '}
            {next.dueSoon ? (
              <span className="badge warn">Due soon</span>
            ) : (
              <span className="badge status-ready">Not due yet</span>
            )}
          </p>
          <dl className="details compact">
            {next.dueMileage === null ? null : (
              <>
                <dt>At</dt>
                <dd>{formatMileage(next.dueMileage)}</dd>
              </>
            )}
            {next.dueDate === null ? null : (
              <>
                <dt>By</dt>
                <dd>
                  <CalendarDate day={next.dueDate} />
                </dd>
              </>
            )}
            {next.dueMileage !== null && next.predictedMileage !== null ? (
              <>
                <dt>Mileage now</dt>
                <dd>about {formatMileage(next.predictedMileage)}, from the odometer readings</dd>
              </>
            ) : null}
          </dl>
          {next.dueMileage !== null && next.dueDate !== null ? (
            <p className="muted">Whichever comes first.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
