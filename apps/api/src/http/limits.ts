import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import superjson from 'superjson';
import { uncacheable } from './cache-control';
import { procedurePaths } from './procedure-paths';

/** How much one tRPC request may ask for (MAX_BATCH_SIZE, MAX_BODY_BYTES). */
export interface RequestLimits {
  /** Procedure calls in one batched request. */
  maxBatchSize: number;
  /** Bytes of a request body. */
  maxBodyBytes: number;
}

export const defaultRequestLimits: RequestLimits = { maxBatchSize: 20, maxBodyBytes: 1024 * 1024 };

/** `1 MiB`, `64 KiB` or `500 bytes`: a limit as the refusal states it. */
function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * A 413 in tRPC's error shape (superjson-encoded), one error for the whole request, which the
 * tRPC client hands to every call of a batch.
 */
function refuse(res: ServerResponse, message: string) {
  const error = {
    message,
    code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE,
    data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
  };
  res
    .writeHead(413, { 'content-type': 'application/json', 'cache-control': uncacheable })
    .end(JSON.stringify({ error: superjson.serialize(error) }));
}

/**
 * Checks a tRPC request against the limits before anything reads it, whichever path then
 * answers it (tRPC, or L1 before tRPC runs). A batch over the limit is refused as a whole; a
 * body announced over the limit is refused before it arrives (Node discards the rest as it
 * streams in). A body without a length is cut by tRPC's own `maxBodySize` at the same limit.
 * Returns false when it has answered the request.
 */
export function admitWithinLimits(
  req: IncomingMessage,
  res: ServerResponse,
  limits: RequestLimits,
): boolean {
  const calls = procedurePaths(req.url)?.length ?? 1;
  if (calls > limits.maxBatchSize) {
    refuse(res, `a batch may hold at most ${limits.maxBatchSize} calls; this one has ${calls}`);
    return false;
  }
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > limits.maxBodyBytes) {
    refuse(res, `request body exceeds ${formatBytes(limits.maxBodyBytes)}`);
    return false;
  }
  return true;
}
