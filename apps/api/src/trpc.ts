import { initTRPC } from '@trpc/server';
import superjson from 'superjson';

/** What every procedure sees; auth and the db join it as the API grows. */
export interface Context {
  requestId: string;
}

const t = initTRPC.context<Context>().create({ transformer: superjson });

export const router = t.router;
export const publicProcedure = t.procedure;
