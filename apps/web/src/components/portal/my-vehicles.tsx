'use client';

import { useQuery } from '@tanstack/react-query';
import { Empty, Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { VehicleCard } from './vehicle-card';

/** The signed-in customer's vehicles as cards. */
export function MyVehicles() {
  const trpc = useTRPC();
  const query = useQuery(trpc.portal.myVehicles.queryOptions());
  if (query.isPending) return <Loading what="your vehicles" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  if (query.data.length === 0) {
    return <Empty>No vehicles are registered to your account yet. Ask the front desk.</Empty>;
  }
  return (
    <ul className="grid cards">
      {query.data.map((vehicle) => (
        <VehicleCard key={vehicle.id} vehicle={vehicle} />
      ))}
    </ul>
  );
}
