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
import { LiveResumePoint } from '~/components/live-resume-point';
import { apiUrl } from '~/env';
import { olderPosition } from './live-resume';
import { makeQueryClient } from './query-client';

/** One QueryClient per server request. */
export const getQueryClient = cache(makeQueryClient);

/**
 * The oldest position (`x-live-position`) of the API's answers this request's render has read
 * so far: the page's data reflects every invalidation up to it, so its live stream starts there.
 */
const renderPosition = cache((): { oldest?: string } => ({}));

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
        fetch: async (url, init) => {
          const response = await fetch(url, init);
          const position = response.headers.get('x-live-position');
          if (position) {
            const seen = renderPosition();
            seen.oldest = olderPosition(seen.oldest, position);
          }
          return response;
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

/**
 * Hands the server's prefetched queries to client components, and the position they were read
 * at to the page's live stream (after them: its effect runs once they are hydrated).
 */
export function HydrateClient({ children }: { children: ReactNode }) {
  return (
    <>
      <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>
      <LiveResumePoint position={renderPosition().oldest} />
    </>
  );
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
