import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { appRouter } from './root';

/** How the server reports its dependencies on /readyz. */
export interface Readiness {
  /** Throws when the database cannot answer; absent while the API runs without one. */
  checkDatabase?(): Promise<void>;
  /** `memory` when no Redis is configured; `degraded` when Redis is configured but unreachable. */
  cacheMode(): Promise<'redis' | 'degraded' | 'memory'>;
}

/** The API's HTTP server: tRPC under /trpc, plus /healthz and /readyz. */
export function createApiServer(readiness: Readiness): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req }) => ({
      requestId: String(req.headers['x-request-id'] ?? randomUUID()),
    }),
  });
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (path === '/readyz') {
      void ready(readiness).then(({ status, body }) => sendJson(res, status, body));
      return;
    }
    if (path?.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  });
}

async function ready(readiness: Readiness) {
  const cache = await readiness.cacheMode();
  if (!readiness.checkDatabase) {
    return { status: 200, body: { status: 'ready', database: 'not configured', cache } };
  }
  try {
    await readiness.checkDatabase();
    // Redis trouble degrades the cache, it does not make the API unready.
    return { status: 200, body: { status: 'ready', database: 'up', cache } };
  } catch {
    return { status: 503, body: { status: 'unready', database: 'down', cache } };
  }
}

function sendJson(res: import('node:http').ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
