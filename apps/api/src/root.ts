import type { MisnamedRoutes } from '@garage/cache/trpc';
import { noInput } from '@garage/validators';
import { authRouter } from './router/auth';
import { cacheRouter } from './router/cache';
import { customerRouter } from './router/customer';
import { estimateLinkRouter } from './router/estimate-link';
import { inspectionRouter } from './router/inspection';
import { liveRouter } from './router/live';
import { messageRouter } from './router/message';
import { portalRouter } from './router/portal';
import { portalScheduleRouter } from './router/portal-schedule';
import { reminderRouter } from './router/reminder';
import { savedJobRouter } from './router/saved-job';
import { scheduleRouter } from './router/schedule';
import { settingsRouter } from './router/settings';
import { vehicleRouter } from './router/vehicle';
import { workOrderRouter } from './router/work-order';
import { publicProcedure, router } from './trpc';

/** The API's router; the web app imports its type only. */
export const appRouter = router({
  auth: authRouter,
  customer: customerRouter,
  vehicle: vehicleRouter,
  workOrder: workOrderRouter,
  settings: settingsRouter,
  portal: portalRouter,
  reminder: reminderRouter,
  savedJob: savedJobRouter,
  inspection: inspectionRouter,
  cache: cacheRouter,
  live: liveRouter,
  // Messages to customers, and the estimate link's approval page.
  message: messageRouter,
  estimateLink: estimateLinkRouter,
  // The shop's schedule (staff), and its part in the portal (customers).
  schedule: scheduleRouter,
  portalSchedule: portalScheduleRouter,
  system: router({
    /** Lets a client check that it reaches the API through its proxy. */
    ping: publicProcedure.input(noInput).query(() => ({ ok: true as const })),
  }),
});

export type AppRouter = typeof appRouter;

// Every route a mutation invalidates is a cached query of this router: a misspelt route, or one
// that caches nothing, does not compile, and the error names the mutation and the route.
type MisnamedRoute = MisnamedRoutes<AppRouter['_def']['record']>;
true satisfies [MisnamedRoute] extends [never] ? true : MisnamedRoute;
