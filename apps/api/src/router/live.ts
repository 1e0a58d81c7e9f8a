import { liveEventsInput } from '@garage/validators';
import { TRPCError, type TrackedEnvelope, tracked } from '@trpc/server';
import { eventScopeFor, type LiveEvent } from '../services/live/event-scope';
import { resumed } from '../services/live/resume';
import { authedProcedure, router } from '../trpc';

// Logging out invalidates the session's tag (auth/sessions.ts): a stream hearing of any
// session's invalidation checks that its own session still stands.
const isSessionTag = (tag: string) => tag.startsWith('session:');

export const liveRouter = router({
  /**
   * Server-sent events for one signed-in page: the tags and routes invalidated on any API
   * instance that this principal could have loaded, and `missed` when some may have been lost
   * (the page then refetches all it shows). Each event's id is a position in the cache's
   * history: given back as `lastEventId` (the page's render position at first, see
   * http/live-position.ts), the stream first replays what this principal may hear of what came
   * after it. Limited per session and per instance.
   */
  events: authedProcedure.input(liveEventsInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }): AsyncGenerator<TrackedEnvelope<LiveEvent>> {
    const hub = ctx.live;
    const stream = hub.openStream(ctx.sessionToken ?? `user:${ctx.user.id}`, signal);
    try {
      const scope = await eventScopeFor(ctx.prisma, ctx.user);
      for await (const { position, event } of resumed(ctx.cache, stream, input?.lastEventId)) {
        if (event.kind === 'invalidated' && event.tags.some(isSessionTag)) {
          const user = ctx.sessionToken ? await ctx.sessions.resolve(ctx.sessionToken) : null;
          if (user?.id !== ctx.user.id || user.role !== ctx.user.role) {
            throw new TRPCError({ code: 'UNAUTHORIZED', message: 'the session has ended' });
          }
        }
        const visible = await scope.filter(event);
        if (!visible) continue;
        yield tracked(position, visible);
        hub.sent();
      }
    } finally {
      stream.close();
    }
  }),
});
