import type { RouterInputs, RouterOutputs } from '@garage/api';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import superjson, { type SuperJSONResult } from 'superjson';

// Sets up what a flow needs but does not itself test (a work order with lines, say) through
// the app's own /api/trpc proxy, with the signed-in cookies of a page's context: the same
// calls the pages make, typed by the API's router, without clicking through every form first.

type Router = keyof RouterInputs & keyof RouterOutputs;
type Procedure<R extends Router> = keyof RouterInputs[R] & keyof RouterOutputs[R] & string;

/** A tRPC answer as the API sends it: a result or an error, each in superjson's envelope. */
type Envelope = { result: { data: SuperJSONResult } } | { error: SuperJSONResult };

async function answer<T>(response: APIResponse, path: string): Promise<T> {
  const body: Envelope = await response.json();
  if ('error' in body) {
    throw new Error(`${path} failed (${response.status()}): ${JSON.stringify(body.error.json)}`);
  }
  return superjson.deserialize<T>(body.result.data);
}

/** Calls a tRPC mutation as the context's user and returns its answer. */
export async function mutate<R extends Router, P extends Procedure<R>>(
  request: APIRequestContext,
  router: R,
  procedure: P,
  input: RouterInputs[R][P],
): Promise<RouterOutputs[R][P]> {
  const path = `${router}.${procedure}`;
  const response = await request.post(`/api/trpc/${path}`, {
    headers: { 'content-type': 'application/json' },
    data: superjson.serialize(input),
  });
  return answer<RouterOutputs[R][P]>(response, path);
}

/** Calls a tRPC query as the context's user and returns its answer. */
export async function query<R extends Router, P extends Procedure<R>>(
  request: APIRequestContext,
  router: R,
  procedure: P,
  input: RouterInputs[R][P],
): Promise<RouterOutputs[R][P]> {
  const path = `${router}.${procedure}`;
  const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const response = await request.get(`/api/trpc/${path}?input=${encoded}`);
  return answer<RouterOutputs[R][P]>(response, path);
}
