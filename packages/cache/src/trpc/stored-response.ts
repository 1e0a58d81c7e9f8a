import { createHash } from 'node:crypto';
import superjson, { type SuperJSONResult } from 'superjson';
import type { StoredAnswer } from '../wire';

/** One call of a tRPC HTTP request: the procedure's path and its input, deserialized. */
export interface QueryCall {
  readonly path: string;
  readonly input: unknown;
}

/** A GET of tRPC's HTTP protocol, read as far as a cache needs to answer it (shared: never changed). */
export interface QueryRequest {
  readonly batch: boolean;
  readonly calls: readonly QueryCall[];
}

/**
 * Reads a tRPC GET the way tRPC's own JSON handler does (path list, `batch=1`, the `input`
 * parameter through superjson), or returns undefined for anything it would treat otherwise:
 * streamed answers (`trpc-accept` / `accept: application/jsonl`), subscriptions' parameters, or
 * input it could not parse (tRPC then answers with its own error).
 */
export function parseQueryRequest(request: {
  method: string | undefined;
  url: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  basePath: string;
}): QueryRequest | undefined {
  if (request.method !== 'GET' || !request.url?.startsWith(request.basePath)) return undefined;
  if (request.headers['trpc-accept'] !== undefined) return undefined;
  const accept = request.headers.accept;
  if (typeof accept === 'string' && accept.includes('application/jsonl')) return undefined;
  const known = recentRequests.get(request.url);
  if (known) return known;
  const parsed = parseUrl(request.url, request.basePath);
  if (parsed) {
    if (recentRequests.size >= recentRequestsKept) recentRequests.clear();
    recentRequests.set(request.url, parsed);
  }
  return parsed;
}

// The requests parsed lately, by URL: a popular GET repeats its URL, and the same parse (its
// calls and their deserialized inputs, never changed by anyone) answers it again without
// decoding the URL, JSON and superjson each time. The fast path keeps each input's schema
// output for as long as the parse is kept here.
const recentRequests = new Map<string, QueryRequest>();
const recentRequestsKept = 1_000;

function parseUrl(url: string, basePath: string): QueryRequest | undefined {
  // The path and the query taken apart by hand: a whole URL object per hit costs more than
  // the lookup. A path tRPC would read otherwise (dot segments, say) names no cached query.
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
  for (const name of params.keys()) {
    if (name !== 'batch' && name !== 'input') return undefined;
  }
  const batch = params.get('batch') === '1';
  try {
    const paths = decodeURIComponent(pathname.slice(basePath.length)).split(',');
    const raw = params.get('input');
    const inputs: unknown = raw ? JSON.parse(raw) : undefined;
    if (!batch)
      return paths.length === 1 ? { batch, calls: [call(paths[0] ?? '', inputs)] } : undefined;
    if (inputs !== undefined && (typeof inputs !== 'object' || inputs === null)) return undefined;
    const byIndex = (inputs ?? {}) as Record<string, unknown>;
    return { batch, calls: paths.map((path, index) => call(path, byIndex[index])) };
  } catch {
    return undefined;
  }
}

function call(path: string, raw: unknown): QueryCall {
  // superjson is the transformer whose output the cache stores, so it reads the input too.
  return {
    path,
    input: raw === undefined ? undefined : superjson.deserialize(raw as SuperJSONResult),
  };
}

const resultOpen = Buffer.from('{"result":{"data":');
const resultClose = Buffer.from('}}');
const comma = Buffer.from(',');
const batchOpen = Buffer.from('[');
const batchClose = Buffer.from(']');

/**
 * The body tRPC sends for these results, byte for byte, as the pieces around each one's stored
 * bytes (in call order): written one after the other, the stored bytes go to the socket as they
 * are, never copied, parsed or encoded again.
 */
export function storedResponseParts(
  request: QueryRequest,
  answers: readonly StoredAnswer[],
): Buffer[] {
  const parts: Buffer[] = request.batch ? [batchOpen] : [];
  answers.forEach((answer, index) => {
    if (index > 0) parts.push(comma);
    parts.push(resultOpen, answer.bytes, resultClose);
  });
  if (request.batch) parts.push(batchClose);
  return parts;
}

/** The same body in one buffer. */
export function storedResponseBody(
  request: QueryRequest,
  answers: readonly StoredAnswer[],
): Buffer {
  return Buffer.concat(storedResponseParts(request, answers));
}

/**
 * The ETag of the body `storedResponseBody` makes: a lone call's is its answer's own (the
 * envelope around it is fixed); a batch's is made from its answers' ETags, never from the body.
 */
export function storedResponseEtag(
  request: QueryRequest,
  answers: readonly StoredAnswer[],
): string {
  const [only] = answers;
  if (!request.batch && only && answers.length === 1) return only.etag;
  const hash = createHash('sha1').update('batch');
  for (const answer of answers) hash.update(answer.etag);
  return `"${hash.digest('base64url')}"`;
}
