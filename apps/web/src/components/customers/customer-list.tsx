'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { LoadMore } from '~/components/load-more';
import { Empty, Failed, Loading } from '~/components/query-state';
import { TextField } from '~/components/text-field';
import { useDebouncedValue } from '~/lib/debounce';
import { customerPageSize, nextCursor } from '~/lib/lists';
import { useTRPC } from '~/trpc/react';
import { CustomerTable } from './customer-table';

/** Searchable (debounced as you type), cursor-paginated list of customers. */
export function CustomerList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const query = useInfiniteQuery({
    ...trpc.customer.list.infiniteQueryOptions(
      { search: debounced || undefined, limit: customerPageSize },
      { getNextPageParam: nextCursor },
    ),
    // The previous results stay on screen while the next search runs.
    placeholderData: keepPreviousData,
  });
  const customers = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <div className="toolbar">
        <TextField
          label="Search customers"
          name="search"
          type="search"
          value={search}
          onChange={setSearch}
          hint="Name, email or phone"
        />
        <Link href="/staff/customers/new" className="button-link">
          New customer
        </Link>
      </div>
      <p className="muted" role="status">
        {query.isFetching && !query.isFetchingNextPage
          ? 'Searching…'
          : query.isSuccess
            ? `${customers.length}${query.hasNextPage ? '+' : ''} customer${customers.length === 1 ? '' : 's'} shown`
            : null}
      </p>
      {query.isPending ? (
        <Loading what="customers" />
      ) : query.isError ? (
        <Failed error={query.error} retry={() => query.refetch()} />
      ) : customers.length === 0 ? (
        <Empty>{debounced ? `No customer matches “${debounced}”.` : 'No customers yet.'}</Empty>
      ) : (
        <CustomerTable customers={customers} />
      )}
      <LoadMore query={query} />
    </>
  );
}
