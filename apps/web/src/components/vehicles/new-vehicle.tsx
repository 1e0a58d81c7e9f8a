'use client';

import { useQuery } from '@tanstack/react-query';
import { Loaded } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { VehicleForm } from './vehicle-form';

/** The create form; with `ownerId` (from a customer's page) that customer is the owner. */
export function NewVehicle({ ownerId }: { ownerId: number | null }) {
  const trpc = useTRPC();
  const owner = useQuery({
    ...trpc.customer.byId.queryOptions({ id: ownerId ?? 0 }),
    enabled: ownerId !== null,
  });
  if (ownerId === null) return <VehicleForm owner={null} />;
  return (
    <Loaded query={owner} what="owner">
      {({ id, name }) => <VehicleForm owner={{ id, name }} />}
    </Loaded>
  );
}
