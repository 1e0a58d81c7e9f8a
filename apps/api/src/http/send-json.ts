import type { ServerResponse } from 'node:http';
import { uncacheable } from './cache-control';

/** A JSON answer of the HTTP routes beside tRPC (PDFs, photos): never kept by any cache. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res
    .writeHead(status, {
      ...headers,
      'content-type': 'application/json',
      'cache-control': uncacheable,
    })
    .end(JSON.stringify(body));
}
