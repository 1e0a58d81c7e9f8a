'use client';

import type { RouterOutputs } from '@garage/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '~/trpc/react';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * After a write that answered with the work order's page: shows that answer at once. What else
 * shows the work order (the list, the board, the vehicle's history, a new mileage) was
 * refetched before the write resolved, from what its answer said it invalidated.
 */
export function useWorkOrderWritten() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (workOrder: WorkOrder) => {
      queryClient.setQueryData(trpc.workOrder.byId.queryKey({ id: workOrder.id }), workOrder);
    },
    [trpc, queryClient],
  );
}
