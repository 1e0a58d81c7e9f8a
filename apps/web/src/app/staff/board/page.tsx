import type { Metadata } from 'next';
import { Board } from '~/components/work-orders/board';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Board' };

/** Staff: the board of open work orders, fetched on the server. */
export default async function BoardPage() {
  await getQueryClient().prefetchQuery(trpc.workOrder.board.queryOptions());
  return (
    <HydrateClient>
      <h1>Board</h1>
      <p className="muted">
        Move a card with its buttons, or drag it onto a highlighted column. Cancelling is on the
        work order's page.
      </p>
      <Board />
    </HydrateClient>
  );
}
