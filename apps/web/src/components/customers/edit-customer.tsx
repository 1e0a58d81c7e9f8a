'use client';

import { useQuery } from '@tanstack/react-query';
import { Loaded } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { CustomerForm } from './customer-form';

/** Loads a customer (prefetched by the page), then shows the form filled in. */
export function EditCustomer({ id }: { id: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.customer.byId.queryOptions({ id }));
  return (
    <Loaded query={query} what="customer">
      {({ name, email, phone, address, notes, version }) => (
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
      )}
    </Loaded>
  );
}
