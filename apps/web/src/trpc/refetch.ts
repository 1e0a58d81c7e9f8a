import type { QueryClient } from '@tanstack/react-query';
import type { CacheTagIndex } from './cache-tag-index';
import type { CatchUp, LiveEvent } from './live-resume';

/**
 * Refetches what an event (heard on the stream, or in a write's answer) reaches: the active
 * queries carrying an invalidated tag or route, or every active query when events may have
 * been missed; the rest are marked stale, refetched where they show next. `refetch: 'none'`
 * marks them all stale. Resolves once the refetches are done.
 */
export function applyEvent(
  queryClient: QueryClient,
  tagIndex: CacheTagIndex,
  event: LiveEvent,
  refetch: 'active' | 'none' = 'active',
): Promise<void> {
  if (event.kind === 'missed') return queryClient.invalidateQueries({ refetchType: refetch });
  return queryClient.invalidateQueries({
    predicate: (query) => tagIndex.reaches(query.queryKey, event),
    refetchType: refetch,
  });
}

/** Applies what data rendered at some position needs to catch up (see LiveResume). */
export function applyCatchUp(queryClient: QueryClient, tagIndex: CacheTagIndex, catchUp: CatchUp) {
  if (catchUp.kind === 'all') void queryClient.invalidateQueries();
  if (catchUp.kind === 'events') {
    for (const event of catchUp.events) void applyEvent(queryClient, tagIndex, event);
  }
}
