'use client';

import { useQuery } from '@tanstack/react-query';
import { Loaded } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { draftOf } from './vehicle-draft';
import { VehicleForm } from './vehicle-form';

/** Loads a vehicle (prefetched by the page), then shows the form filled in. */
export function EditVehicle({ id }: { id: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.vehicle.byId.queryOptions({ id }));
  return (
    <Loaded query={query} what="vehicle">
      {(vehicle) => (
        <VehicleForm
          id={id}
          version={vehicle.version}
          owner={vehicle.owner}
          initial={draftOf(vehicle)}
        />
      )}
    </Loaded>
  );
}
