'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SearchList } from '~/components/search-list';
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
    // The previous results stay on screen while the next search runs.
    placeholderData: keepPreviousData,
  });
  return (
    <SearchList
      noun={['vehicle', 'vehicles']}
      hint="Plate, VIN, make, model or owner's name"
      newHref="/staff/vehicles/new"
      search={search}
      onSearch={setSearch}
      searched={debounced}
      query={query}
    >
      {(vehicles) => <VehicleTable vehicles={vehicles} />}
    </SearchList>
  );
}
