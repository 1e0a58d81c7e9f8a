'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useCacheTagIndex, useLiveResume } from '~/trpc/react';
import { applyCatchUp } from '~/trpc/refetch';

/**
 * Tells the page's live stream where the data just hydrated beside it was read (the server
 * render's oldest `x-live-position`), after that data is in the query cache: before the stream
 * starts it resumes from there; once it runs, events since are applied again to that data.
 */
export function LiveResumePoint({ position }: { position: string | undefined }) {
  const queryClient = useQueryClient();
  const tagIndex = useCacheTagIndex();
  const resume = useLiveResume();
  useEffect(() => {
    if (position) applyCatchUp(queryClient, tagIndex, resume.rendered(position));
  }, [position, queryClient, tagIndex, resume]);
  return null;
}
