import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';
import superjson from 'superjson';
import { shouldRetry } from '~/lib/retry';

/** One QueryClient per request on the server, one per tab in the browser. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A little staleness avoids refetching right after the server prefetched.
      queries: { staleTime: 30_000, retry: shouldRetry },
      dehydrate: {
        serializeData: superjson.serialize,
        // Pending queries stream to the client, so prefetches need not be awaited.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
