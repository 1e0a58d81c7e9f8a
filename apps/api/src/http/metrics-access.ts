import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ClientAddress, isLoopback } from './client-address';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics (per-procedure counts, sign-in failures, routes, heap: not public).
 * With METRICS_TOKEN: whoever sends it as a bearer token, from anywhere. Without it: clients on
 * this machine only, by the client address (a request a trusted proxy forwarded comes from
 * wherever its client is). Returns false when it has answered the request with a refusal.
 */
export function createMetricsAccess(options: {
  token?: string | undefined;
  clientAddress: ClientAddress;
}) {
  const expected = options.token === undefined ? undefined : digest(`Bearer ${options.token}`);
  return function admitToMetrics(req: IncomingMessage, res: ServerResponse): boolean {
    if (expected) {
      // Compared as digests: equal lengths, and no timing that tells how much matched.
      const given = digest(req.headers.authorization ?? '');
      if (timingSafeEqual(given, expected)) return true;
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('/metrics needs the METRICS_TOKEN bearer token\n');
      return false;
    }
    if (isLoopback(options.clientAddress(req))) return true;
    res
      .writeHead(403, { 'content-type': 'text/plain' })
      .end('/metrics answers this machine only; set METRICS_TOKEN to scrape it from elsewhere\n');
    return false;
  };
}

export type MetricsAccess = ReturnType<typeof createMetricsAccess>;
