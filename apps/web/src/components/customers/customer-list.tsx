'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SearchList } from '~/components/search-list';
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
  return (
    <SearchList
      noun={['customer', 'customers']}
      hint="Name, email or phone"
      newHref="/staff/customers/new"
      search={search}
      onSearch={setSearch}
      searched={debounced}
      query={query}
    >
      {(customers) => <CustomerTable customers={customers} />}
    </SearchList>
  );
}
