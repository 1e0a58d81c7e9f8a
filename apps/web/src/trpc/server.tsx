import type { AppRouter } from '@garage/api';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cookies } from 'next/headers';
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
