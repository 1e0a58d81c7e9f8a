'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCacheTagIndex, useLiveResume, useTRPCClient } from './react';
import { applyEvent } from './refetch';

/** How the page's live stream is doing, for the indicator in the header. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'off';

// Waits before subscribing again after the stream failed (the API or its proxy was away).
const retryDelaysMs = [1_000, 2_000, 5_000, 10_000];

/**
 * Holds the page's one live stream (`live.events`, server-sent events through the proxy) and
 * refetches what it reaches. The stream starts from where the page's server render stood and
 * resumes from its last event after a drop: the API replays what came after, or says `missed`
 * when it cannot (then every active query is refetched). Sign-out or a refusal (too many
 * streams) turns it off.
 */
export function useLiveUpdates(): LiveState {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const tagIndex = useCacheTagIndex();
  const resume = useLiveResume();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    let attempt = 0;
    let started = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let subscription: { unsubscribe(): void } | undefined;

    const subscribe = () => {
      const lastEventId = resume.resumeFrom();
      subscription = client.live.events.subscribe(lastEventId ? { lastEventId } : undefined, {
        onStarted: () => {
          resume.started();
          started = true;
          attempt = 0;
          setState('live');
        },
        onConnectionStateChange: (connection) => {
          if (connection.state === 'connecting' && started) setState('reconnecting');
        },
        onData: ({ id, data }) => {
          resume.heard(id, data);
          void applyEvent(queryClient, tagIndex, data);
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
    // After the rest of this commit's effects: the page's render positions (LiveResumePoint)
    // are known by then, so the stream starts from the oldest.
    retry = setTimeout(subscribe, 0);
    return () => {
      clearTimeout(retry);
      subscription?.unsubscribe();
    };
  }, [client, queryClient, tagIndex, resume]);

  return state;
}
