import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseQueryRequest } from '@garage/cache/trpc';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { answerFromCache } from './answer-from-cache';
import { type Context, createContext, type Services } from './context';
import { databaseUnavailable, isDatabaseUnavailable } from './errors';
import { uncacheable } from './http/cache-control';
import { cacheInvalidatedHeader, cacheInvalidatedValue } from './http/cache-invalidated-header';
import { cacheTagsHeader, cacheTagsValue } from './http/cache-tags-header';
import { admitWithinLimits, type RequestLimits } from './http/limits';
import { livePositionHeader } from './http/live-position';
import type { MetricsAccess } from './http/metrics-access';
import { procedurePaths } from './http/procedure-paths';
import { assignRequestId } from './http/request-id';
import {
  creditNotesPrefix,
  invoicesPrefix,
  serveCreditNotePdf,
  serveInvoicePdf,
} from './invoices/route';
import type { Metrics } from './metrics';
import { isPhotoPath, servePhotos } from './photos/route';
import { appRouter } from './root';
import { isLiveStreamRequest, serveLiveStream } from './serve-live';

/** How the server reports its dependencies on /readyz. */
export interface Readiness {
  /** True when the database answers. */
  databaseUp(): Promise<boolean>;
  /** `memory` without Redis; `degraded` when Redis is configured but unreachable. */
  cacheMode(): Promise<'redis' | 'degraded' | 'memory'>;
}

const basePath = '/trpc/';
const knownProcedures = new Set(Object.keys(appRouter._def.procedures as Record<string, unknown>));

const metricNames = new WeakMap<readonly string[], readonly string[]>();
const undecodable = ['unknown'];

/** The procedures an HTTP request to /trpc calls, for metrics: unknown names are `unknown`. */
function proceduresOf(url: string | undefined): readonly string[] {
  const paths = procedurePaths(url);
  if (!paths) return undecodable;
  let names = metricNames.get(paths);
  if (!names) {
    names = paths.map((name) => (knownProcedures.has(name) ? name : 'unknown'));
    metricNames.set(paths, names);
  }
  return names;
}

/** What guards the HTTP server's doors: request limits, and who may read /metrics. */
export interface HttpGuards {
  limits: RequestLimits;
  admitToMetrics: MetricsAccess;
}

/**
 * The API's HTTP server: tRPC under /trpc, plus /invoices/<id>.pdf, /credit-notes/<id>.pdf,
 * inspection photos (photos/route.ts), /healthz, /readyz and /metrics.
 */
export function createApiServer(
  services: Services,
  readiness: Readiness,
  metrics: Metrics,
  guards: HttpGuards,
): Server {
  // Contexts made before tRPC runs (see handleTrpc), handed to tRPC's createContext.
  const early = new WeakMap<IncomingMessage, Promise<Context>>();
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath,
    maxBodySize: guards.limits.maxBodyBytes,
    createContext: async ({ req, res }): Promise<Context> => {
      const requestId = String(req.headers['x-request-id']);
      try {
        return await (early.get(req) ?? createContext(services, req, res, requestId));
      } catch (error) {
        // The session lookup needs the database; without it, say so instead of a 500.
        if (isDatabaseUnavailable(error)) throw databaseUnavailable(error);
        throw error;
      }
    },
    responseMeta: ({ ctx, info, type }) => {
      const calls = info?.calls.length ?? 0;
      const tags =
        type === 'query' && ctx
          ? cacheTagsValue(calls, (i) => tagsJson(ctx.answeredTags[i]))
          : undefined;
      if (tags) return { headers: { [cacheTagsHeader]: tags } };
      const invalidated =
        type === 'mutation' && ctx ? cacheInvalidatedValue(calls, ctx.invalidations) : undefined;
      return invalidated ? { headers: { [cacheInvalidatedHeader]: invalidated } } : {};
    },
    onError: ({ error, path, ctx }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        services.log.error(
          { err: error.cause ?? error, path, requestId: ctx?.requestId },
          'procedure failed',
        );
      }
    },
  });

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      ready(readiness)
        .then(({ status, body }) => sendJson(res, status, body))
        .catch(() => sendJson(res, 503, { status: 'unready' }));
      return;
    }
    if (path === '/metrics') {
      if (!guards.admitToMetrics(req, res)) return;
      metrics
        .text()
        .then((text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text))
        .catch((error: unknown) => {
          services.log.error({ err: error }, 'metrics failed');
          sendJson(res, 500, { error: 'metrics unavailable' });
        });
      return;
    }
    if (path.startsWith(basePath)) return handleTrpc(req, res, path);
    if (path.startsWith(invoicesPrefix)) return void serveInvoicePdf(services, req, res, path);
    if (path.startsWith(creditNotesPrefix)) {
      return void serveCreditNotePdf(services, req, res, path);
    }
    if (isPhotoPath(path)) return void servePhotos(services, req, res, path);
    sendJson(res, 404, { error: 'not found' });
  });

  function handleTrpc(req: IncomingMessage, res: ServerResponse, path: string) {
    // Until the caller is known (see createContext), nothing is cacheable.
    res.setHeader('cache-control', uncacheable);
    if (!admitWithinLimits(req, res, guards.limits)) return;
    // Before anything is read for the answer, which then reflects every invalidation up to it.
    if (req.method === 'GET') res.setHeader(livePositionHeader, services.cache.position());
    const started = performance.now();
    const requestId = assignRequestId(req, res);
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      metrics.observe(proceduresOf(path), res.statusCode, seconds);
      services.log.debug(
        { requestId, path, status: res.statusCode, ms: Math.round(seconds * 1000) },
        'request',
      );
    });
    if (isLiveStreamRequest(req.method, path)) {
      const context = createContext(services, req, res, requestId);
      early.set(req, context);
      context
        .then((ctx) => serveLiveStream(ctx, req, res))
        // The context could not be made (the database away): tRPC says so.
        .catch(() => false)
        .then((served) => served || trpc(req, res));
      return;
    }
    const query = services.cacheReads
      ? parseQueryRequest({ method: req.method, url: req.url, headers: req.headers, basePath })
      : undefined;
    if (!query) return void trpc(req, res);
    // The context is made once: for the L1 answer, and for tRPC when that cannot answer.
    const context = createContext(services, req, res, requestId);
    early.set(req, context);
    context
      .then((ctx) => answerFromCache(query, ctx, req, res))
      .catch(() => undefined)
      .then((hits) => {
        if (!hits) return void trpc(req, res);
        const procedures = proceduresOf(path);
        metrics.answeredFromCache(procedures.filter((_, call) => hits[call]));
      });
  }
}

const tagsJson = (tags: readonly string[] | undefined) => tags && JSON.stringify(tags);

async function ready(readiness: Readiness) {
  const [databaseUp, cache] = await Promise.all([readiness.databaseUp(), readiness.cacheMode()]);
  // Redis trouble degrades the cache; it does not make the API unready.
  return databaseUp
    ? { status: 200, body: { status: 'ready', database: 'up', cache } }
    : { status: 503, body: { status: 'unready', database: 'down', cache } };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
