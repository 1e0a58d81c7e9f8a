'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { InspectionProgressText } from './inspection-progress';

/**
 * "Inspection 12/30" on a board card, live: every card reads one shared query of the board's
 * progress, refetched when an inspection on the board is graded.
 */
export function CardInspectionProgress({ workOrderId }: { workOrderId: number }) {
  const trpc = useTRPC();
  const progress = useQuery({
    ...trpc.inspection.boardProgress.queryOptions(),
    select: (rows) => rows.find((row) => row.workOrderId === workOrderId)?.progress,
  });
  if (!progress.data) return null;
  return (
    <p className="card-inspection">
      <InspectionProgressText progress={progress.data} />
    </p>
  );
}
