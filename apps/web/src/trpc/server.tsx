import type { AppRouter } from '@garage/api';
import {
  dehydrate,
  type FetchQueryOptions,
  HydrationBoundary,
  type QueryKey,
} from '@tanstack/react-query';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import superjson from 'superjson';
import { apiUrl } from '~/env';
import { makeQueryClient } from './query-client';

/** One QueryClient per server request. */
export const getQueryClient = cache(makeQueryClient);

/** A tRPC client that calls the API over HTTP with the incoming request's cookie. */
export const getServerClient = cache(() =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        transformer: superjson,
        async headers() {
          const store = await cookies();
          return { cookie: store.toString() };
        },
      }),
    ],
  }),
);

/** Query options for server components to prefetch with. */
export const trpc = createTRPCOptionsProxy<AppRouter>({
  client: getServerClient(),
  queryClient: getQueryClient,
});

/** Hands the server's prefetched queries to client components. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/**
 * Prefetches one record for a page; when the API says NOT_FOUND the page answers 404
 * instead of rendering an error box. Other failures are left for the client to show and retry.
 */
export async function prefetchRecord<TData, TError, TKey extends QueryKey>(
  options: FetchQueryOptions<TData, TError, TData, TKey>,
): Promise<void> {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(options);
  const error = queryClient.getQueryState(options.queryKey)?.error;
  if (isNotFound(error)) notFound();
}

function isNotFound(error: unknown): boolean {
  return (error as { data?: { code?: unknown } } | null | undefined)?.data?.code === 'NOT_FOUND';
}
