import type { Refusal } from './refusal';

/**
 * A refusal when the call names more than `maxBatch` procedures (tRPC batches them in one path
 * segment, comma-separated: /api/trpc/a.b,c.d?batch=1). The batch is refused as a whole.
 */
export function batchRefusal(path: readonly string[], maxBatch: number): Refusal | undefined {
  const size = path.join('/').split(',').length;
  if (size <= maxBatch) return undefined;
  return {
    code: 'PAYLOAD_TOO_LARGE',
    message: `A batch of ${size} calls exceeds the limit of ${maxBatch} procedures per request`,
  };
}

const tooLarge = (maxBytes: number): Refusal => ({
  code: 'PAYLOAD_TOO_LARGE',
  message: `The request body exceeds the limit of ${maxBytes} bytes`,
});

/** The request's body, or a refusal once it passes `maxBytes`. */
export type BodyRead = { bytes: Uint8Array<ArrayBuffer> } | { refusal: Refusal };

/**
 * Reads the body as it streams in and stops at the first byte past `maxBytes` (at once when the
 * Content-Length already says so), so an oversized or endless body is never held whole.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<BodyRead> {
  if (Number(request.headers.get('content-length')) > maxBytes) {
    return { refusal: tooLarge(maxBytes) };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { refusal: tooLarge(maxBytes) };
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks, total) };
}
