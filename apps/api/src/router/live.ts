import { noInput } from '@garage/validators';
import { TRPCError } from '@trpc/server';
import { eventScopeFor, type LiveEvent } from '../services/live/event-scope';
import { liveHubOf } from '../services/live/live-hub';
import { authedProcedure, router } from '../trpc';

// Logging out invalidates the session's tag (auth/sessions.ts): a stream hearing of any
// session's invalidation checks that its own session still stands.
const isSessionTag = (tag: string) => tag.startsWith('session:');

export const liveRouter = router({
  /**
   * Server-sent events for one signed-in page: the tags and routes invalidated on any API
   * instance that this principal could have loaded, and `missed` when some may have been lost
   * (the page then refetches all it shows). Limited per session and per instance.
   */
  events: authedProcedure.input(noInput).subscription(async function* ({
    ctx,
    signal,
  }): AsyncGenerator<LiveEvent> {
    const hub = liveHubOf(ctx.cache);
    const stream = hub.openStream(ctx.sessionToken ?? `user:${ctx.user.id}`, signal);
    try {
      const scope = await eventScopeFor(ctx.prisma, ctx.user);
      for await (const event of stream) {
        if (event.kind === 'invalidated' && event.tags.some(isSessionTag)) {
          const user = ctx.sessionToken ? await ctx.sessions.resolve(ctx.sessionToken) : null;
          if (user?.id !== ctx.user.id || user.role !== ctx.user.role) {
            throw new TRPCError({ code: 'UNAUTHORIZED', message: 'the session has ended' });
          }
        }
        const visible = await scope.filter(event);
        if (!visible) continue;
        yield visible;
        hub.sent();
      }
    } finally {
      stream.close();
    }
  }),
});
