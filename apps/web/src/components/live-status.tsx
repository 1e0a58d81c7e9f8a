'use client';

import { type LiveState, useLiveUpdates } from '~/trpc/live';

const labels: Record<LiveState, { text: string; title: string } | null> = {
  connecting: null,
  live: { text: 'Live', title: 'Changes made anywhere appear here as they happen' },
  reconnecting: {
    text: 'Reconnecting…',
    title: 'The live connection dropped; what changed meanwhile is reloaded once it is back',
  },
  off: { text: 'Not live', title: 'Reload the page to see changes made elsewhere' },
};

/** The page's live connection (one per signed-in page), shown discreetly in the header. */
export function LiveStatus() {
  const state = useLiveUpdates();
  const label = labels[state];
  return (
    <span className={`live-status live-status-${state}`} title={label?.title} data-live={state}>
      {label?.text}
    </span>
  );
}
