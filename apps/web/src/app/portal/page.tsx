import type { Metadata } from 'next';
import { MyVehicles } from '~/components/portal/my-vehicles';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'My vehicles' };

/** Customer portal: the signed-in customer's own vehicles, fetched on the server. */
export default async function PortalPage() {
  await getQueryClient().prefetchQuery(trpc.portal.myVehicles.queryOptions());
  return (
    <HydrateClient>
      <h1>My vehicles</h1>
      <MyVehicles />
    </HydrateClient>
  );
}
