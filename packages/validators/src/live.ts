import { z } from 'zod';

/**
 * live.events: `lastEventId` is where the page's data stands (the oldest `x-live-position` of
 * the answers it was rendered from, or the id of the last event it heard); the stream first
 * replays what came after it. tRPC's client sets it itself when it reconnects.
 */
export const liveEventsInput = z
  .strictObject({ lastEventId: z.string().min(1).max(64).nullish() })
  .nullish();
