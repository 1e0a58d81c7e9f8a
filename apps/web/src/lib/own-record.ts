import type { FetchQueryOptions, QueryKey } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { notFound } from 'next/navigation';
import { getQueryClient } from '~/trpc/server';

/** The tRPC code ("FORBIDDEN", "NOT_FOUND") of a failed call, if it was a tRPC error. */
function codeOf(error: unknown): unknown {
  return error instanceof TRPCClientError ? error.data?.code : undefined;
}

/**
 * Prefetches a record of the signed-in customer for a portal page. The API answers FORBIDDEN
 * for one that is not theirs, whether it exists or not; the page answers the same 404 for both,
 * as for a record that does not exist. Other failures are left for the client to show and retry.
 */
export async function prefetchOwnRecord<TData, TError, TKey extends QueryKey>(
  options: FetchQueryOptions<TData, TError, TData, TKey>,
): Promise<void> {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(options);
  const code = codeOf(queryClient.getQueryState(options.queryKey)?.error);
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND') notFound();
}
