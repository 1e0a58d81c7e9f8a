import { openDatabase, seedIfEmpty } from '@garage/db';
import { pino } from 'pino';
import { createApp } from './app';
import { parseEnv } from './env';

const env = parseEnv(process.env);
const log = pino({ level: env.LOG_LEVEL, base: { service: 'garage-api' } });

const started = performance.now();
const db = await openDatabase({ url: env.DATABASE_URL });
const applied = await db.migrate();
if (applied.length > 0) log.info({ applied }, 'database migrated');
if (env.NODE_ENV !== 'production') {
  const seeded = await seedIfEmpty(db.prisma, { nodeEnv: env.NODE_ENV });
  if (seeded) log.info(seeded, 'empty database seeded with the demo data');
}

const app = createApp({
  db,
  redisUrl: env.REDIS_URL,
  namespace: env.CACHE_NAMESPACE,
  sessionSecret: env.SESSION_SECRET,
  secureCookies: env.NODE_ENV === 'production',
  cacheTiers: env.CACHE_TIERS,
  l1MaxBytes: env.CACHE_L1_MAX_BYTES,
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
      startupMs: Math.round(performance.now() - started),
    },
    `garage api listening on :${env.API_PORT}`,
  );
});

/** Stops accepting, lets in-flight requests finish, then closes Redis and the database. */
function shutdown(signal: string) {
  log.info({ signal }, 'draining');
  app.server.close(() => {
    void app.close().finally(() => process.exit(0));
  });
  app.server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
