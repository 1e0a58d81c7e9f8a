'use client';

import type { RouterOutputs } from '@garage/api';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { CalendarDate } from '~/components/calendar-date';
import { type Column, DataTable } from '~/components/data-table';
import { LoadMore } from '~/components/load-more';
import { Failed, Loading } from '~/components/query-state';
import { bookingPath } from '~/lib/booking-path';
import { formatMileage } from '~/lib/format';
import { dueSoonPageSize, nextCursor } from '~/lib/lists';
import { newWorkOrderPath } from '~/lib/new-work-order';
import { useTRPC } from '~/trpc/react';
import { OfferedSavedJob } from './offered-saved-job';

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

const columns: Column<Reminder>[] = [
  {
    header: 'Service',
    cell: (reminder) => (
      <>
        {reminder.description}
        {reminder.savedJob ? <OfferedSavedJob reminder={reminder} job={reminder.savedJob} /> : null}
      </>
    ),
  },
  {
    header: 'Due',
    cell: ({ dueMileage, dueDate }) => (
      <>
        {dueMileage === null ? null : <div>at {formatMileage(dueMileage)}</div>}
        {dueDate === null ? null : (
          <div>
            by <CalendarDate day={dueDate} />
          </div>
        )}
      </>
    ),
  },
  { header: 'Why now', cell: (reminder) => <Why reminder={reminder} /> },
  {
    header: 'Vehicle',
    cell: ({ vehicle }) => (
      <>
        <Link href={`/staff/vehicles/${vehicle.id}`}>
          {vehicle.year} {vehicle.make} {vehicle.model}
        </Link>{' '}
        <span className="plate">{vehicle.plate}</span>
      </>
    ),
  },
  {
    header: 'Customer',
    cell: ({ customer }) => (
      <>
        <Link
          href={`/staff/customers/${customer.id}`}
          aria-label={`Contact details of ${customer.name}`}
        >
          {customer.name}
        </Link>
        {customer.phone ? <div className="muted">{customer.phone}</div> : null}
        {customer.email ? <div className="muted">{customer.email}</div> : null}
      </>
    ),
  },
  {
    header: 'Action',
    cell: ({ vehicle, description }) => (
      <>
        <Link
          href={newWorkOrderPath(vehicle.id, description)}
          className="button-link"
          aria-label={`New work order: ${description} for ${vehicle.plate}`}
        >
          New work order
        </Link>{' '}
        <Link
          href={bookingPath(vehicle.id, description)}
          className="button-link secondary"
          aria-label={`Book: ${description} for ${vehicle.plate}`}
        >
          Book
        </Link>
      </>
    ),
  },
];

/**
 * The next services due soon, in pages: the vehicle, the customer with how to reach them (their
 * page holds the full contact details), what is due and when with the saved job that does it
 * (priced, inserted in one click), and a new work order or a booking for it.
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
  return (
    <>
      <DataTable
        columns={columns}
        rows={reminders}
        rowKey={(reminder) => reminder.id}
        rowLabel={(reminder) => `${reminder.description}: ${reminder.vehicle.plate}`}
        label="Services due soon"
        empty="No service is due soon. Next services are set when a work order is invoiced."
      />
      <LoadMore query={query} />
    </>
  );
}
