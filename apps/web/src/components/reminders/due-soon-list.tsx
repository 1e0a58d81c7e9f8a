'use client';

import type { RouterOutputs } from '@garage/api';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { CalendarDate } from '~/components/calendar-date';
import { LoadMore } from '~/components/load-more';
import { Empty, Failed, Loading } from '~/components/query-state';
import { bookingPath } from '~/lib/booking-path';
import { formatMileage } from '~/lib/format';
import { dueSoonPageSize, nextCursor } from '~/lib/lists';
import { newWorkOrderPath } from '~/lib/new-work-order';
import { useTRPC } from '~/trpc/react';

type Reminder = RouterOutputs['reminder']['dueSoon']['items'][number];

/** Why a reminder is on the list: its date is near, its predicted mileage is, or both. */
function Why({ reminder }: { reminder: Reminder }) {
  const { byDate, byMileage, predictedMileage } = reminder.status;
  return (
    <ul className="plain">
      {byDate ? <li>By date</li> : null}
      {byMileage ? (
        <li>
          By mileage
          {predictedMileage === null ? null : (
            <small className="muted"> (about {formatMileage(predictedMileage)} now)</small>
          )}
        </li>
      ) : null}
    </ul>
  );
}

/**
 * The next services due soon, in pages: the vehicle, the customer with how to reach them (their
 * page holds the full contact details), what is due and when, and a new work order for it.
 */
export function DueSoonList() {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.reminder.dueSoon.infiniteQueryOptions(
      { limit: dueSoonPageSize },
      { getNextPageParam: nextCursor },
    ),
  );
  if (query.isPending) return <Loading what="services due soon" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const reminders = query.data.pages.flatMap((page) => page.items);
  if (reminders.length === 0) {
    return (
      <Empty>No service is due soon. Next services are set when a work order is invoiced.</Empty>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table aria-label="Services due soon">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Due</th>
              <th scope="col">Why now</th>
              <th scope="col">Vehicle</th>
              <th scope="col">Customer</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {reminders.map((reminder) => {
              const { vehicle, customer } = reminder;
              return (
                <tr key={reminder.id} aria-label={`${reminder.description}: ${vehicle.plate}`}>
                  <td>{reminder.description}</td>
                  <td>
                    {reminder.dueMileage === null ? null : (
                      <div>at {formatMileage(reminder.dueMileage)}</div>
                    )}
                    {reminder.dueDate === null ? null : (
                      <div>
                        by <CalendarDate day={reminder.dueDate} />
                      </div>
                    )}
                  </td>
                  <td>
                    <Why reminder={reminder} />
                  </td>
                  <td>
                    <Link href={`/staff/vehicles/${vehicle.id}`}>
                      {vehicle.year} {vehicle.make} {vehicle.model}
                    </Link>{' '}
                    <span className="plate">{vehicle.plate}</span>
                  </td>
                  <td>
                    <Link
                      href={`/staff/customers/${customer.id}`}
                      aria-label={`Contact details of ${customer.name}`}
                    >
                      {customer.name}
                    </Link>
                    {customer.phone ? <div className="muted">{customer.phone}</div> : null}
                    {customer.email ? <div className="muted">{customer.email}</div> : null}
                  </td>
                  <td>
                    <Link
                      href={newWorkOrderPath(vehicle.id, reminder.description)}
                      className="button-link"
                      aria-label={`New work order: ${reminder.description} for ${vehicle.plate}`}
                    >
                      New work order
                    </Link>{' '}
                    <Link
                      href={bookingPath(vehicle.id, reminder.description)}
                      className="button-link secondary"
                      aria-label={`Book: ${reminder.description} for ${vehicle.plate}`}
                    >
                      Book
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <LoadMore query={query} />
    </>
  );
}
