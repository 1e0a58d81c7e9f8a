'use client';

import { useQuery } from '@tanstack/react-query';
import { Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { CustomerForm } from './customer-form';

/** Loads a customer (prefetched by the page), then shows the form filled in. */
export function EditCustomer({ id }: { id: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.customer.byId.queryOptions({ id }));
  if (query.isPending) return <Loading what="customer" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  const { name, email, phone, address, notes, version } = query.data;
  return (
    <CustomerForm
      id={id}
      version={version}
      initial={{
        name,
        email: email ?? '',
        phone: phone ?? '',
        address: address ?? '',
        notes: notes ?? '',
      }}
    />
  );
}
