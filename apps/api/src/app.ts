import type { Server } from 'node:http';
import { type Cache, createCache } from '@garage/cache';
import type { Database } from '@garage/db';
import type { Logger } from 'pino';
import {
  createLinkThrottle,
  defaultLinkThrottleLimits,
  type LinkThrottleLimits,
} from './auth/link-throttle';
import { createSessionStore } from './auth/sessions';
import { createLoginThrottle } from './auth/throttle';
import type { Services } from './context';
import { clientAddressFrom } from './http/client-address';
import { defaultRequestLimits, type RequestLimits } from './http/limits';
import { createMetricsAccess } from './http/metrics-access';
import { createMetrics } from './metrics';
import { appRouter } from './root';
import { createApiServer } from './server';
import { createAudiences } from './services/live/audience';
import {
  createLiveHub,
  defaultLiveLimits,
  defaultLiveReplayEvents,
  type LiveHub,
  type LiveLimits,
} from './services/live/live-hub';
import {
  createMessaging,
  type Messaging,
  type MessagingOptions,
} from './services/messages/messaging';
import type { PhotoStore } from './services/photo-store/photo-store';
import { postgresPhotoStore } from './services/photo-store/postgres-photo-store';
import {
  createVinDecoder,
  defaultVinDecoderLimits,
  type VinDecoderLimits,
} from './services/vin-decoder/decoder';
import { callersByPath, liveSse } from './trpc';

export interface AppOptions {
  db: Database;
  redisUrl?: string | undefined;
  namespace: string;
  sessionSecret: string;
  secureCookies: boolean;
  log: Logger;
  /** L1 size in bytes (CACHE_L1_MAX_BYTES); 64 MB by default, 0 for none (Redis only). */
  l1MaxBytes?: number;
  /** `off` (CACHE_TIERS=off): cached queries load every time; invalidation still runs. */
  cacheTiers?: 'on' | 'off';
  /** TRUST_PROXY: peers whose X-Forwarded-For is believed (addresses, CIDRs, `loopback`…). */
  trustProxy: readonly string[];
  /** METRICS_TOKEN: the bearer token /metrics asks for; without it, loopback clients only. */
  metricsToken?: string | undefined;
  /** Batch and body limits; MAX_BATCH_SIZE / MAX_BODY_BYTES, 20 calls and 1 MiB by default. */
  limits?: RequestLimits;
  /** Live streams per session and per instance; LIVE_MAX_STREAMS_PER_SESSION / LIVE_MAX_STREAMS. */
  liveLimits?: LiveLimits;
  /** Invalidations kept for live streams to replay from a render's position; LIVE_REPLAY_EVENTS. */
  liveReplayEvents?: number;
  /** The VIN decoder's queue and cache bounds (see services/vin-decoder/decoder.ts). */
  vinDecoder?: VinDecoderLimits;
  /** Where inspection photos are kept; the app's PostgreSQL database by default. */
  photoStore?: PhotoStore;
  /** Messages to customers: SMTP_URL, MAIL_FROM, PUBLIC_WEB_URL; without SMTP, kept as not sent. */
  messages?: MessagingOptions;
  /** Estimate-link calls per client address (see auth/link-throttle.ts). */
  linkThrottle?: LinkThrottleLimits;
}

/** Without options: no mail server, links to the web app on this machine. */
const localMessaging: MessagingOptions = {
  from: 'Garage <garage@localhost>',
  webUrl: 'http://localhost:3000',
};

export interface App {
  server: Server;
  cache: Cache;
  /** The live streams: ended first when the server drains (they would hold it open). */
  live: LiveHub;
  /** Messages to customers: this instance's delivery worker. */
  messaging: Messaging;
  /** Closes Redis connections and the database (after the server stopped). */
  close(): Promise<void>;
}

/** Wires the database, the cache, sessions and throttling into an HTTP server (not listening). */
export function createApp(options: AppOptions): App {
  const { db, log } = options;
  const cache = createCache({
    namespace: options.namespace,
    ...(options.redisUrl ? { redis: options.redisUrl } : {}),
    l1: { maxBytes: options.l1MaxBytes ?? 64 * 1024 * 1024, maxTtlMs: 60_000 },
    // Several API instances share one database: a cold key is loaded by one of them, not all.
    lease: { ttlMs: 3_000, waitMs: 1_000 },
    eventLog: { maxEvents: options.liveReplayEvents ?? defaultLiveReplayEvents },
    logger: log,
  });

  const clientAddress = clientAddressFrom(options.trustProxy);
  const metrics = createMetrics(cache);
  const audiences = createAudiences({ prisma: db.prisma, callersOf: callersByPath(appRouter) });
  const live = createLiveHub(cache, {
    limits: options.liveLimits ?? defaultLiveLimits,
    metrics: metrics.live,
    audiences,
    pingIntervalMs: liveSse.ping.intervalMs,
  });
  const messaging = createMessaging({
    prisma: db.prisma,
    invalidate: (tags) => cache.invalidateTags(tags),
    log,
    options: options.messages ?? localMessaging,
  });
  const services: Services = {
    prisma: db.prisma,
    cache,
    sessions: createSessionStore({ prisma: db.prisma, cache, secret: options.sessionSecret }),
    throttle: createLoginThrottle(db.prisma),
    clientAddress,
    log,
    secureCookies: options.secureCookies,
    cacheReads: options.cacheTiers !== 'off',
    vinDecoder: createVinDecoder(options.vinDecoder ?? defaultVinDecoderLimits),
    audiences,
    live,
    photos: options.photoStore ?? postgresPhotoStore(db.prisma),
    messaging,
    linkThrottle: createLinkThrottle(db.prisma, options.linkThrottle ?? defaultLinkThrottleLimits),
  };
  const server = createApiServer(
    services,
    { databaseUp: () => db.ping(), cacheMode: async () => (await cache.stats()).mode },
    metrics,
    {
      limits: options.limits ?? defaultRequestLimits,
      admitToMetrics: createMetricsAccess({ token: options.metricsToken, clientAddress }),
    },
  );
  return {
    server,
    cache,
    live,
    messaging,
    async close() {
      live.close();
      await messaging.close();
      await services.vinDecoder.close();
      await cache.close();
      await db.close();
    },
  };
}
