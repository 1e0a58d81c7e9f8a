import superjson from 'superjson';

/** What a tRPC call over plain HTTP answered: status, headers, and each call's error code. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  /** The tRPC error code per call (`OK` for a result), in call order; one entry when unbatched. */
  codes: string[];
}

type Envelope = { result?: unknown; error?: { json?: { data?: { code?: string } } } };

const codeOf = (envelope: Envelope) =>
  envelope.error ? String(envelope.error.json?.data?.code) : 'OK';

/**
 * Calls tRPC procedures by hand (GET for queries, POST for mutations), batched when given
 * several paths, with the headers a test wants to control (cookie, X-Forwarded-For).
 */
export async function callRaw(
  base: string,
  paths: string[],
  options: {
    method?: 'GET' | 'POST';
    inputs?: unknown[];
    headers?: Record<string, string>;
  } = {},
): Promise<RawAnswer> {
  const method = options.method ?? 'GET';
  const batch = paths.length > 1;
  const inputs = options.inputs ?? [];
  const encoded = batch
    ? Object.fromEntries(inputs.map((input, index) => [index, superjson.serialize(input)]))
    : inputs.length > 0
      ? superjson.serialize(inputs[0])
      : undefined;
  const url = new URL(`${base}/trpc/${paths.join(',')}`);
  if (batch) url.searchParams.set('batch', '1');
  if (method === 'GET' && encoded !== undefined) {
    url.searchParams.set('input', JSON.stringify(encoded));
  }
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(method === 'POST' && encoded !== undefined ? { body: JSON.stringify(encoded) } : {}),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  // A 304 has no body, hence no calls' codes.
  const envelopes = (body === undefined ? [] : Array.isArray(body) ? body : [body]) as Envelope[];
  return { status: response.status, headers: response.headers, body, codes: envelopes.map(codeOf) };
}

/** How many times each code occurs in `codes`. */
export function tally(codes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}
