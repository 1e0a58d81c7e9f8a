'use client';

import type { RouterOutputs } from '@garage/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '~/trpc/react';

type WorkOrder = RouterOutputs['workOrder']['byId'];

/**
 * After a write that answered with the work order's page: shows that answer at once, and marks
 * stale what else shows the work order (the list, the board, the vehicle's history). A write
 * that recorded an odometer reading also changed the vehicle's mileage, which the vehicle's
 * page, the vehicle list and the owner's page show.
 */
export function useWorkOrderWritten() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (workOrder: WorkOrder, { odometer = false }: { odometer?: boolean } = {}) => {
      queryClient.setQueryData(trpc.workOrder.byId.queryKey({ id: workOrder.id }), workOrder);
      const vehicleId = workOrder.vehicle.id;
      await Promise.all([
        queryClient.invalidateQueries(trpc.workOrder.list.pathFilter()),
        queryClient.invalidateQueries(trpc.workOrder.board.pathFilter()),
        queryClient.invalidateQueries(trpc.vehicle.history.queryFilter({ vehicleId })),
        ...(odometer
          ? [
              queryClient.invalidateQueries(trpc.vehicle.byId.queryFilter({ id: vehicleId })),
              queryClient.invalidateQueries(trpc.vehicle.list.pathFilter()),
              queryClient.invalidateQueries(trpc.customer.byId.pathFilter()),
            ]
          : []),
      ]);
    },
    [trpc, queryClient],
  );
}
