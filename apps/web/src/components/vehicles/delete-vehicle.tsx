'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { sentence } from '~/lib/format';
import type { WriteContext } from '~/trpc/cache-link';
import { useTRPC } from '~/trpc/react';

/**
 * Delete with a confirmation, of the vehicle as shown (`version`: refused if it changed since);
 * the owner's page and every list update without a reload.
 */
export function DeleteVehicle({
  id,
  version,
  label,
}: {
  id: number;
  version: number;
  label: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.vehicle.delete.mutationOptions({
      // This page goes with the vehicle: what the delete reached is refetched where it shows next.
      trpc: { context: { leavesPage: true } satisfies WriteContext },
      onSuccess: () => router.push('/staff/vehicles'),
      onSettled: () => setConfirming(false),
    }),
  );
  return (
    <>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete
      </button>
      <p role="alert" className="form-error">
        {remove.error ? `Not deleted. ${sentence(remove.error.message)}.` : null}
      </p>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${label}?`}
        confirmLabel="Delete vehicle"
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id, version })}
        onCancel={() => setConfirming(false)}
      >
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
