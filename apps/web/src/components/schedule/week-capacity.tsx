'use client';

import { useQuery } from '@tanstack/react-query';
import { Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';

const percent = (booked: number, available: number) =>
  available === 0 ? '—' : `${Math.round((booked / available) * 100)} %`;

/** Seven days of capacity: booked ÷ available hours, for the bays and for the technicians. */
export function WeekCapacity({
  start,
  onPickDay,
}: {
  start: string;
  onPickDay: (day: string) => void;
}) {
  const trpc = useTRPC();
  const week = useQuery(trpc.schedule.week.queryOptions({ start }));
  if (week.isPending) return <Loading what="the week" />;
  if (week.isError) return <Failed error={week.error} retry={() => week.refetch()} />;
  return (
    <div className="table-wrap">
      <table aria-label="Capacity of the week">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Appointments</th>
            <th scope="col">No-shows</th>
            <th scope="col">Bays booked</th>
            <th scope="col">Technicians booked</th>
          </tr>
        </thead>
        <tbody>
          {week.data.days.map((row) => (
            <tr key={row.day}>
              <td>
                <button type="button" className="link" onClick={() => onPickDay(row.day)}>
                  {row.day}
                </button>
                {row.hours === 24 ? null : <small className="muted"> ({row.hours} h day)</small>}
              </td>
              <td>{row.appointments}</td>
              <td>{row.noShows}</td>
              <td>
                {percent(row.total.bays.bookedMinutes, row.total.bays.availableMinutes)}{' '}
                <small className="muted">
                  ({Math.round(row.total.bays.bookedMinutes / 60)} of{' '}
                  {Math.round(row.total.bays.availableMinutes / 60)} h)
                </small>
              </td>
              <td>
                {percent(
                  row.total.technicians.bookedMinutes,
                  row.total.technicians.availableMinutes,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
