import type { Metadata } from 'next';
import { MyAppointments } from '~/components/portal/my-appointments';
import { MyVehicles } from '~/components/portal/my-vehicles';
import { OpenWorkOrders, PastWorkOrders } from '~/components/portal/my-work-orders';
import { ShopContact } from '~/components/portal/shop-contact';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'My vehicles' };

/**
 * Customer portal: what the shop is doing to the customer's cars, their vehicles and their past
 * work orders, fetched on the server; and how to reach the shop.
 */
export default async function PortalPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.portal.myVehicles.queryOptions()),
    queryClient.prefetchQuery(trpc.portal.myWorkOrders.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <h1>My vehicles</h1>
      <ShopContact />
      <OpenWorkOrders />
      <MyAppointments />
      <section aria-labelledby="vehicles-title">
        <h2 id="vehicles-title">Vehicles</h2>
        <MyVehicles />
      </section>
      <PastWorkOrders />
    </HydrateClient>
  );
}
