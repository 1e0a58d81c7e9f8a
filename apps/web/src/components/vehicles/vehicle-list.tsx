'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { LoadMore } from '~/components/load-more';
import { Empty, Failed, Loading } from '~/components/query-state';
import { TextField } from '~/components/text-field';
import { useDebouncedValue } from '~/lib/debounce';
import { nextCursor, vehiclePageSize } from '~/lib/lists';
import { useTRPC } from '~/trpc/react';
import { VehicleTable } from './vehicle-table';

/** Searchable (plate, VIN, make/model, owner), cursor-paginated list of vehicles. */
export function VehicleList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const query = useInfiniteQuery({
    ...trpc.vehicle.list.infiniteQueryOptions(
      { search: debounced || undefined, limit: vehiclePageSize },
      { getNextPageParam: nextCursor },
    ),
    placeholderData: keepPreviousData,
  });
  const vehicles = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <div className="toolbar">
        <TextField
          label="Search vehicles"
          name="search"
          type="search"
          value={search}
          onChange={setSearch}
          hint="Plate, VIN, make, model or owner's name"
        />
        <Link href="/staff/vehicles/new" className="button-link">
          New vehicle
        </Link>
      </div>
      <p className="muted" role="status">
        {query.isFetching && !query.isFetchingNextPage
          ? 'Searching…'
          : query.isSuccess
            ? `${vehicles.length}${query.hasNextPage ? '+' : ''} vehicle${vehicles.length === 1 ? '' : 's'} shown`
            : null}
      </p>
      {query.isPending ? (
        <Loading what="vehicles" />
      ) : query.isError ? (
        <Failed error={query.error} retry={() => query.refetch()} />
      ) : vehicles.length === 0 ? (
        <Empty>{debounced ? `No vehicle matches “${debounced}”.` : 'No vehicles yet.'}</Empty>
      ) : (
        <VehicleTable vehicles={vehicles} />
      )}
      <LoadMore query={query} />
    </>
  );
}
