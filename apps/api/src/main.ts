import { openDatabase } from '@garage/db';
import { seedIfEmpty } from '@garage/db/seed';
import { pino } from 'pino';
import { createApp } from './app';
import { parseEnv } from './env';

const env = parseEnv(process.env);
const log = pino({ level: env.LOG_LEVEL, base: { service: 'garage-api' } });

const started = performance.now();
const db = await openDatabase({ url: env.DATABASE_URL });
const applied = await db.migrate();
if (applied.length > 0) log.info({ applied }, 'database migrated');
// The demo accounts' password is published: a real PostgreSQL gets them only when asked
// (SEED_DEMO_DATA=true or `pnpm db:seed`); the embedded database is for trying the app out.
if (env.NODE_ENV !== 'production' && (db.kind === 'pglite' || env.SEED_DEMO_DATA)) {
  const seeded = await seedIfEmpty(db.prisma, { nodeEnv: env.NODE_ENV });
  if (seeded) log.info(seeded, 'empty database seeded with the demo data');
} else if ((await db.prisma.user.count()) === 0) {
  log.warn('the database has no users: `pnpm db:seed` (development) adds the demo accounts');
}

const app = createApp({
  db,
  redisUrl: env.REDIS_URL,
  namespace: env.CACHE_NAMESPACE,
  sessionSecret: env.SESSION_SECRET,
  secureCookies: env.NODE_ENV === 'production',
  cacheTiers: env.CACHE_TIERS,
  l1MaxBytes: env.CACHE_L1_MAX_BYTES,
  trustProxy: env.TRUST_PROXY,
  metricsToken: env.METRICS_TOKEN,
  limits: { maxBatchSize: env.MAX_BATCH_SIZE, maxBodyBytes: env.MAX_BODY_BYTES },
  liveLimits: { perSession: env.LIVE_MAX_STREAMS_PER_SESSION, perInstance: env.LIVE_MAX_STREAMS },
  liveReplayEvents: env.LIVE_REPLAY_EVENTS,
  messages: {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    webUrl: env.PUBLIC_WEB_URL ?? `http://localhost:${env.WEB_PORT}`,
  },
  log,
});

app.server.listen(env.API_PORT, () => {
  log.info(
    {
      port: env.API_PORT,
      database:
        db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${db.dataDir}`,
      cache: env.REDIS_URL ? 'L1 + Redis' : 'memory only (L1): REDIS_URL is unset',
      cacheTiers: env.CACHE_TIERS,
      l1MaxBytes: env.CACHE_L1_MAX_BYTES,
      trustProxy: env.TRUST_PROXY.length > 0 ? env.TRUST_PROXY : 'none (socket addresses)',
      metrics: env.METRICS_TOKEN ? 'bearer token (METRICS_TOKEN)' : 'loopback clients only',
      mail: env.SMTP_URL
        ? 'SMTP (SMTP_URL)'
        : 'none: messages are kept as not sent (SMTP_URL is unset)',
      startupMs: Math.round(performance.now() - started),
    },
    `garage api listening on :${env.API_PORT}`,
  );
});

/** Stops accepting, lets in-flight requests finish, then closes Redis and the database. */
function shutdown(signal: string) {
  log.info({ signal }, 'draining');
  // Live streams never end by themselves: they are told to reconnect (elsewhere, or here later).
  app.live.close();
  app.server.close(() => {
    void app.close().finally(() => process.exit(0));
  });
  app.server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
