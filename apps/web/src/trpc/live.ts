'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCacheTagIndex, useTRPCClient } from './react';

/** How the page's live stream is doing, for the indicator in the header. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'off';

// Waits before subscribing again after the stream failed (the API or its proxy was away).
const retryDelaysMs = [1_000, 2_000, 5_000, 10_000];

/**
 * Holds the page's one live stream (`live.events`, server-sent events through the proxy) and
 * refetches what it reaches: the active queries carrying an invalidated tag or route, or every
 * active query when events may have been missed (the server says so, or the stream started
 * again after a drop). Sign-out or a refusal (too many streams) turns it off.
 */
export function useLiveUpdates(): LiveState {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const tagIndex = useCacheTagIndex();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    let attempt = 0;
    let started = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let subscription: { unsubscribe(): void } | undefined;
    const refetchAll = () => void queryClient.invalidateQueries();

    const subscribe = () => {
      subscription = client.live.events.subscribe(undefined, {
        onStarted: () => {
          if (started) refetchAll();
          started = true;
          attempt = 0;
          setState('live');
        },
        onConnectionStateChange: (connection) => {
          if (connection.state === 'connecting' && started) setState('reconnecting');
        },
        onData: (event) => {
          if (event.kind === 'missed') refetchAll();
          else {
            void queryClient.invalidateQueries({
              predicate: (query) => tagIndex.reaches(query.queryKey, event),
            });
          }
        },
        onError: (error) => {
          const code = error.data?.code;
          if (code === 'UNAUTHORIZED' || code === 'TOO_MANY_REQUESTS') {
            setState('off');
            return;
          }
          setState('reconnecting');
          const delay = retryDelaysMs[Math.min(attempt++, retryDelaysMs.length - 1)];
          retry = setTimeout(subscribe, delay);
        },
      });
    };
    subscribe();
    return () => {
      clearTimeout(retry);
      subscription?.unsubscribe();
    };
  }, [client, queryClient, tagIndex]);

  return state;
}
