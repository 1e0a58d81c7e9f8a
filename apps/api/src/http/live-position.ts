/**
 * `x-live-position`, on every answer to a GET of /trpc: where this API instance stood in the
 * cache's history of invalidations when the request arrived, before it read anything (see the
 * cache's `position()`), so the answer reflects every invalidation up to it. A page rendered
 * from such answers gives the oldest of their positions to its live stream as `lastEventId`;
 * the stream replays what came after, so a change made between the render and the stream's
 * connect is not missed. Opaque text, `<epoch>:<seq>`; `unknown` resumes from nowhere.
 */
export const livePositionHeader = 'x-live-position';
