import { liveEventsInput } from '@garage/validators';
import { TRPCError } from '@trpc/server';
import { authedProcedure, router } from '../trpc';

export const liveRouter = router({
  /**
   * Server-sent events for one signed-in page: the tags and routes invalidated on any API
   * instance that this principal could have loaded, and `missed` when some may have been lost
   * (the page then refetches all it shows). Each event's id is a position in the cache's
   * history: given back as `lastEventId` (the page's render position at first, see
   * http/live-position.ts), the stream first replays what this principal may hear of what came
   * after it. Limited per session and per instance; served by serve-live.ts, which writes each
   * event's frame once per audience.
   */
  events: authedProcedure.input(liveEventsInput).subscription(({ ctx, input }) => {
    const { sessionToken, sessions, user } = ctx;
    return ctx.live.openStream({
      user,
      session: (sessionToken && sessions.tagOf(sessionToken)) ?? `user:${user.id}`,
      from: input?.lastEventId,
      // Signing out invalidates the session's tag (auth/sessions.ts).
      stillSignedIn: async () => {
        const now = sessionToken ? await sessions.resolve(sessionToken) : null;
        return now?.id === user.id && now.role === user.role;
      },
      signedOut: () => new TRPCError({ code: 'UNAUTHORIZED', message: 'the session has ended' }),
    });
  }),
});
