'use client';

import { useQuery } from '@tanstack/react-query';
import { Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { draftOf } from './vehicle-draft';
import { VehicleForm } from './vehicle-form';

/** Loads a vehicle (prefetched by the page), then shows the form filled in. */
export function EditVehicle({ id }: { id: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.vehicle.byId.queryOptions({ id }));
  if (query.isPending) return <Loading what="vehicle" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const vehicle = query.data;
  return (
    <VehicleForm
      id={id}
      version={vehicle.version}
      owner={vehicle.owner}
      initial={draftOf(vehicle)}
    />
  );
}
