import type { Metadata } from 'next';
import { WearDueSoonList } from '~/components/inspections/wear-due-soon-list';
import { DueSoonList } from '~/components/reminders/due-soon-list';
import { dueSoonPageSize, nextCursor } from '~/lib/lists';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Due soon' };

/** Staff: the next services coming due, to call the customers back in; first page on the server. */
export default async function DueSoonPage() {
  await getQueryClient().prefetchInfiniteQuery(
    trpc.reminder.dueSoon.infiniteQueryOptions(
      { limit: dueSoonPageSize },
      { getNextPageParam: nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <h1>Due soon</h1>
      <p className="muted">
        Next services due within 30 days, or within 1,000 miles of the mileage the vehicle's
        odometer readings predict.
      </p>
      <DueSoonList />
      <h2>Worn parts</h2>
      <p className="muted">
        Measured at inspections and predicted forward with the same odometer readings: at their
        limit, or expected to reach it within 30 days or 1,000 miles.
      </p>
      <WearDueSoonList />
    </HydrateClient>
  );
}
