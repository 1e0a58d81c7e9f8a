'use client';

import type { AppRouter } from '@garage/api';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import superjson from 'superjson';
import { CacheTagIndex } from './cache-tag-index';
import { LiveResume } from './live-resume';
import { makeQueryClient } from './query-client';

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
 * subscriptions open as server-sent events through the same proxy. Each batched read's
 * `x-cache-tags` header goes to the tag index live updates consult.
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
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          // Same origin: EventSource sends the session cookie.
          true: httpSubscriptionLink({ url: '/api/trpc', transformer: superjson }),
          false: httpBatchLink({
            url: '/api/trpc',
            transformer: superjson,
            maxItems: maxBatch,
            fetch: async (url, options) => {
              // The browser's HTTP cache revalidates with If-None-Match (answers are private,
              // no-cache): an unchanged answer comes back as a 304 and is read from it.
              const response = await fetch(url, { ...options, credentials: 'same-origin' });
              if ((options?.method ?? 'GET') === 'GET' && response.ok) {
                tagIndex.record(String(url), response.headers.get('x-cache-tags'));
              }
              return response;
            },
          }),
        }),
      ],
    }),
  );
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
