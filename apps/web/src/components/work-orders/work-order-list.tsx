'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SearchList } from '~/components/search-list';
import { useDebouncedValue } from '~/lib/debounce';
import { parseId } from '~/lib/ids';
import { nextCursor, workOrderPageSize } from '~/lib/lists';
import type { WorkOrderStatus } from '~/lib/work-order-words';
import { useTRPC } from '~/trpc/react';
import { StatusFilter } from './status-filter';
import { TechnicianSelect } from './technician-select';
import { WorkOrderTable } from './work-order-table';

/**
 * Work orders, newest first: filtered by status and technician, searched by number, plate,
 * customer or concern, in cursor pages.
 */
export function WorkOrderList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [statuses, setStatuses] = useState<WorkOrderStatus[]>([]);
  const [technician, setTechnician] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const technicianId = parseId(technician) ?? undefined;
  const query = useInfiniteQuery({
    ...trpc.workOrder.list.infiniteQueryOptions(
      {
        search: debounced || undefined,
        status: statuses.length > 0 ? statuses : undefined,
        technicianId,
        limit: workOrderPageSize,
      },
      { getNextPageParam: nextCursor },
    ),
    // The previous results stay on screen while the next search runs.
    placeholderData: keepPreviousData,
  });
  return (
    <SearchList
      noun={['work order', 'work orders']}
      hint="Number, plate, customer's name or concern"
      filters={
        <>
          <TechnicianSelect
            value={technician}
            onChange={setTechnician}
            noneLabel="Any technician"
          />
          <StatusFilter value={statuses} onChange={setStatuses} />
        </>
      }
      filtered={statuses.length > 0 || technicianId !== undefined}
      search={search}
      onSearch={setSearch}
      searched={debounced}
      query={query}
    >
      {(workOrders) => <WorkOrderTable workOrders={workOrders} />}
    </SearchList>
  );
}
