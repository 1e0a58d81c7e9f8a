'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { sentence } from '~/lib/format';
import type { WriteContext } from '~/trpc/cache-link';
import { useTRPC } from '~/trpc/react';

/**
 * Delete with a confirmation, of the customer as shown (`version`). The API refuses (CONFLICT)
 * while the customer owns vehicles, or when it changed since; its reason is announced next to
 * the button.
 */
export function DeleteCustomer({
  id,
  version,
  name,
  vehicleCount,
}: {
  id: number;
  version: number;
  name: string;
  vehicleCount: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.customer.delete.mutationOptions({
      // This page goes with the customer: what the delete reached is refetched where it shows next.
      trpc: { context: { leavesPage: true } satisfies WriteContext },
      onSuccess: () => router.push('/staff/customers'),
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
        title={`Delete ${name}?`}
        confirmLabel="Delete customer"
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id, version })}
        onCancel={() => setConfirming(false)}
      >
        <p>
          This cannot be undone.
          {vehicleCount > 0
            ? ` ${name} still owns ${vehicleCount} vehicle${vehicleCount === 1 ? '' : 's'}, so the garage will refuse until they are moved or deleted.`
            : ''}
        </p>
      </ConfirmDialog>
    </>
  );
}
