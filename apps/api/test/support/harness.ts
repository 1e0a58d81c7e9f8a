import type { AddressInfo } from 'node:net';
import { type Database, openDatabase } from '@garage/db';
import { demoPassword } from '@garage/db/seed';
import { createDatabase } from '@garage/test-services';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { type Logger, pino } from 'pino';
import superjson from 'superjson';
import { inject } from 'vitest';
import { type App, createApp } from '../../src/app';
import type { LinkThrottleLimits } from '../../src/auth/link-throttle';
import type { AppRouter } from '../../src/index';
import type { MessagingOptions } from '../../src/services/messages/messaging';

export type Client = ReturnType<typeof createTRPCClient<AppRouter>>;

export interface TestApi {
  base: string;
  app: App;
  db: Database;
  /** A client with its own cookie jar, signed out. */
  anonymous(): Client;
  /** A client signed in as a demo account (`admin`, `staff`, `alice`, `bob`). */
  as(who: string): Promise<Client>;
  stop(): Promise<void>;
}

/** A fresh, migrated, seeded database of this suite's own (a copy of the run's seeded one). */
export function seededDatabaseUrl(): Promise<string> {
  return createDatabase(inject('postgresUrl'), 'garage_test', inject('seededDatabaseUrl'));
}

/** Starts the real API (HTTP on a free port) on `databaseUrl`, with Redis when given. */
export async function startApi(options: {
  databaseUrl: string;
  redisUrl?: string | undefined;
  namespace?: string;
  cacheTiers?: 'on' | 'off';
  /** L1 size in bytes (CACHE_L1_MAX_BYTES); 0 for none. */
  l1MaxBytes?: number;
  /** Where the API logs (default: silent, or TEST_LOG's level). */
  log?: Logger;
  /** TRUST_PROXY: the peers whose X-Forwarded-For is believed (none by default). */
  trustProxy?: string[];
  metricsToken?: string;
  limits?: { maxBatchSize: number; maxBodyBytes: number };
  /** Live streams per session and per instance (LIVE_MAX_STREAMS_PER_SESSION / LIVE_MAX_STREAMS). */
  liveLimits?: { perSession: number; perInstance: number };
  /** Invalidations kept to replay to live streams (LIVE_REPLAY_EVENTS). */
  liveReplayEvents?: number;
  /** Messages to customers (an SMTP server, the worker's timings); none: no mail server. */
  messages?: MessagingOptions;
  /** Estimate-link calls per client address. */
  linkThrottle?: LinkThrottleLimits;
}): Promise<TestApi> {
  const db = await openDatabase({ url: options.databaseUrl, poolSize: 5 });
  const app = createApp({
    db,
    redisUrl: options.redisUrl,
    namespace:
      options.namespace ?? `api-test-${process.pid}-${Math.random().toString(36).slice(2)}`,
    sessionSecret: 'test-session-secret-0123456789',
    secureCookies: false,
    cacheTiers: options.cacheTiers ?? 'on',
    ...(options.l1MaxBytes === undefined ? {} : { l1MaxBytes: options.l1MaxBytes }),
    trustProxy: options.trustProxy ?? [],
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.liveLimits ? { liveLimits: options.liveLimits } : {}),
    ...(options.liveReplayEvents ? { liveReplayEvents: options.liveReplayEvents } : {}),
    ...(options.messages ? { messages: options.messages } : {}),
    ...(options.linkThrottle ? { linkThrottle: options.linkThrottle } : {}),
    log: options.log ?? pino({ level: process.env.TEST_LOG ?? 'silent' }),
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const anonymous = () => clientFor(base);
  return {
    base,
    app,
    db,
    anonymous,
    async as(who) {
      const client = clientFor(base);
      await client.auth.login.mutate({ email: `${who}@garage.test`, password: demoPassword });
      return client;
    },
    async stop() {
      app.server.closeAllConnections();
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.close();
    },
  };
}

/** A tRPC client over real HTTP that keeps the session cookie like a browser would. */
export function clientFor(base: string): Client {
  let cookie = '';
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${base}/trpc`,
        transformer: superjson,
        headers: () => (cookie ? { cookie } : {}),
        fetch: async (url, init) => {
          const response = await fetch(url, init as RequestInit);
          const setCookie = response.headers.get('set-cookie');
          if (setCookie) cookie = setCookie.split(';')[0] ?? '';
          return response;
        },
      }),
    ],
  });
}

/** The tRPC error code of a rejected call (e.g. `FORBIDDEN`), or `OK` when it succeeded. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code);
    throw error;
  }
}

/** The field errors of a rejected call. */
export async function fieldErrors(call: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data?.fieldErrors ?? {};
    throw error;
  }
  throw new Error('expected the call to fail');
}
