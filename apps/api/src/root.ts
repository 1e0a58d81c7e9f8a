import { publicProcedure, router } from './trpc';

/** The API's router; the web app imports its type only. */
export const appRouter = router({
  system: router({
    /** Lets a client check that it reaches the API through its proxy. */
    ping: publicProcedure.query(() => ({ ok: true as const })),
  }),
});

export type AppRouter = typeof appRouter;
