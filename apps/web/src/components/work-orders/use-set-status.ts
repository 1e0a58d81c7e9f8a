'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { useWorkOrderWritten } from './use-work-order-written';

/** workOrder.setStatus, showing the answer and refreshing what shows the work order. */
export function useSetStatus() {
  const trpc = useTRPC();
  const written = useWorkOrderWritten();
  return useMutation(
    trpc.workOrder.setStatus.mutationOptions({
      onSuccess: (workOrder) => written(workOrder),
    }),
  );
}
