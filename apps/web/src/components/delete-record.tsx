'use client';

import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '~/components/confirm-dialog';
import { FormError } from '~/components/form-error';
import { notDone } from '~/lib/format';
import type { WriteContext } from '~/trpc/cache-link';

/** A record as shown: its id and the version the delete is refused past. */
interface Shown {
  id: number;
  version: number;
}

/** A delete procedure of the tRPC client (`trpc.customer.delete`). */
interface DeleteProcedure<TData, TError> {
  mutationOptions: (options: {
    trpc: { context: Record<string, unknown> };
    onSuccess: () => void;
    onSettled: () => void;
  }) => UseMutationOptions<TData, TError, Shown>;
}

/**
 * Delete, with a confirmation, of the record as shown (`version`: refused if it changed since,
 * or while the API says something still needs it); the refusal's reason is announced next to
 * the button. Deleted, the page goes to `listPath`, where every list shows it gone.
 */
export function DeleteRecord<TData, TError extends { message: string }>({
  procedure,
  record,
  what,
  name,
  listPath,
  warning,
}: {
  procedure: DeleteProcedure<TData, TError>;
  record: Shown;
  /** The kind of record: "customer". */
  what: string;
  /** The record as the question names it: "Delete Ann Example?". */
  name: string;
  listPath: string;
  /** Said after "This cannot be undone." */
  warning?: string;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    procedure.mutationOptions({
      // This page goes with the record: what the delete reached is refetched where it shows next.
      trpc: { context: { leavesPage: true } satisfies WriteContext },
      onSuccess: () => router.push(listPath),
      onSettled: () => setConfirming(false),
    }),
  );
  return (
    <>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete
      </button>
      <FormError>{notDone('Not deleted', remove.error)}</FormError>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${name}?`}
        confirmLabel={`Delete ${what}`}
        busy={remove.isPending}
        onConfirm={() => remove.mutate(record)}
        onCancel={() => setConfirming(false)}
      >
        <p>
          This cannot be undone.
          {warning ? ` ${warning}` : ''}
        </p>
      </ConfirmDialog>
    </>
  );
}
