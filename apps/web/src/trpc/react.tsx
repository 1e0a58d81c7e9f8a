'use client';

import type { AppRouter } from '@garage/api';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import superjson from 'superjson';
import { BatchPositions, cacheLink } from './cache-link';
import { CacheTagIndex } from './cache-tag-index';
import { LiveResume } from './live-resume';
import { makeQueryClient } from './query-client';
import { applyEvent } from './refetch';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const CacheTagIndexContext = createContext<CacheTagIndex | undefined>(undefined);
const LiveResumeContext = createContext<LiveResume | undefined>(undefined);

/** The tab's index of which cache tags each query carries (see live.ts). */
export function useCacheTagIndex(): CacheTagIndex {
  const index = useContext(CacheTagIndexContext);
  if (!index) throw new Error('useCacheTagIndex needs TRPCReactProvider');
  return index;
}

/** Where the tab's data stands for its live stream (see live-resume.ts). */
export function useLiveResume(): LiveResume {
  const resume = useContext(LiveResumeContext);
  if (!resume) throw new Error('useLiveResume needs TRPCReactProvider');
  return resume;
}

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every render gets a fresh client, so users never share a cache.
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/**
 * Provides React Query and the typed tRPC client; the browser talks to our same-origin proxy,
 * in batches of at most `maxBatch` calls (the proxy refuses larger ones whole), and holds
 * subscriptions open as server-sent events through the same proxy. The cache link keeps each
 * read's tags in the tag index live updates consult, and refetches what each write reached.
 */
export function TRPCReactProvider({
  children,
  maxBatch,
}: {
  children: ReactNode;
  maxBatch: number;
}) {
  const queryClient = getQueryClient();
  const [tagIndex] = useState(() => new CacheTagIndex());
  const [liveResume] = useState(() => new LiveResume());
  const [trpcClient] = useState(() => {
    const positions = new BatchPositions();
    return createTRPCClient<AppRouter>({
      links: [
        cacheLink({
          positions,
          index: tagIndex,
          apply: (event, refetch) => applyEvent(queryClient, tagIndex, event, refetch),
        }),
        splitLink({
          condition: (op) => op.type === 'subscription',
          // Same origin: EventSource sends the session cookie.
          true: httpSubscriptionLink({ url: '/api/trpc', transformer: superjson }),
          false: httpBatchLink({
            url: '/api/trpc',
            transformer: superjson,
            maxItems: maxBatch,
            headers: positions.note,
            // The browser's HTTP cache revalidates with If-None-Match (answers are private,
            // no-cache): an unchanged answer comes back as a 304 and is read from it.
            fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
          }),
        }),
      ],
    });
  });
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <CacheTagIndexContext value={tagIndex}>
          <LiveResumeContext value={liveResume}>{children}</LiveResumeContext>
        </CacheTagIndexContext>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
