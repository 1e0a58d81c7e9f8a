import type { RouterOutputs } from '@garage/api';
import Link from 'next/link';
import { Timestamp } from '~/components/timestamp';
import { formatMileage } from '~/lib/format';
import { odometerSourceLabels } from '~/lib/work-order-words';

type Reading = RouterOutputs['vehicle']['history']['odometerLog'][number];

/**
 * Odometer readings, newest first, with how each was taken; a correction (below the mileage
 * before it) and an implausible jump are flagged, not hidden.
 */
export function OdometerReadings({
  readings,
  showWorkOrder = false,
}: {
  readings: readonly (Omit<Reading, 'workOrder'> & Partial<Pick<Reading, 'workOrder'>>)[];
  showWorkOrder?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="stack">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col" className="num">
              Reading
            </th>
            <th scope="col">Taken</th>
            {showWorkOrder ? <th scope="col">Work order</th> : null}
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {readings.map((reading) => (
            <tr key={reading.id}>
              <td>
                <Timestamp at={reading.at} />
              </td>
              <td className="num" data-label="Reading">
                {formatMileage(reading.reading)}
              </td>
              <td data-label="Taken">{odometerSourceLabels[reading.source]}</td>
              {showWorkOrder ? (
                <td data-label="Work order">
                  {reading.workOrder ? (
                    <Link href={`/staff/work-orders/${reading.workOrder.id}`}>
                      {reading.workOrder.number}
                    </Link>
                  ) : (
                    '–'
                  )}
                </td>
              ) : null}
              <td data-label="Flags">
                {reading.correction ? <span className="badge">correction</span> : null}
                {reading.correction && reading.implausible ? ' ' : null}
                {reading.implausible ? <span className="badge warn">implausible jump</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
