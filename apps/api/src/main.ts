import { createCache } from '@garage/cache';
import { parseEnv } from './env';
import { createApiServer } from './server';

const env = parseEnv(process.env);
const cache = createCache({ namespace: env.CACHE_NAMESPACE, redis: env.REDIS_URL });

// The database joins here with @garage/db (openDatabase, migrate, seedIfEmpty, checkDatabase).
const server = createApiServer({ cacheMode: async () => (await cache.stats()).mode });

server.listen(env.API_PORT, () => {
  const mode = env.REDIS_URL ? 'Redis-backed (L1 + L2)' : 'memory only (L1): REDIS_URL is unset';
  process.stdout.write(`garage api listening on :${env.API_PORT}; cache ${mode}\n`);
});

/** Stops accepting, lets in-flight requests finish, then closes Redis. */
function shutdown(signal: string) {
  process.stdout.write(`garage api: ${signal}, draining\n`);
  server.close(() => {
    void cache.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
