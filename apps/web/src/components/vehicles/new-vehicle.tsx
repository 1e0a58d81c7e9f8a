'use client';

import { useQuery } from '@tanstack/react-query';
import { Failed, Loading } from '~/components/query-state';
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
  if (owner.isPending) return <Loading what="owner" />;
  if (owner.isError) return <Failed error={owner.error} retry={() => owner.refetch()} />;
  return <VehicleForm owner={{ id: owner.data.id, name: owner.data.name }} />;
}
