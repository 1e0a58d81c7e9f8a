import { Agent, type IncomingHttpHeaders, request } from 'node:http';

/** Keep-alive connections to 127.0.0.1 only; one agent for the whole bench. */
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

export interface Reply {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

/** What `call` rejects with when no answer came within its timeout (a hang, not a refusal). */
export class CallTimeoutError extends Error {
  override name = 'CallTimeoutError';
}

/** One HTTP request to 127.0.0.1:`port`, with a hard timeout. */
export function call(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: string; cookie?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
    });
    req.setTimeout(options.timeoutMs ?? 10_000, () =>
      req.destroy(new CallTimeoutError(`${method} ${path} timed out`)),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The tRPC GET path of a query with `input` (superjson envelope). */
export const queryPath = (procedure: string, input?: unknown) =>
  input === undefined
    ? `/trpc/${procedure}`
    : `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** The `json` part of a tRPC success body. */
export const resultOf = <T>(body: string): T =>
  (JSON.parse(body) as { result: { data: { json: T } } }).result.data.json;

/** Calls a query; throws with the body on a non-200 answer. */
export async function query<T>(port: number, path: string, cookie?: string): Promise<T> {
  const reply = await call(port, 'GET', path, cookie ? { cookie } : {});
  if (reply.status !== 200) throw new Error(`${path} answered ${reply.status}: ${reply.body}`);
  return resultOf<T>(reply.body);
}

/** `vehicle.update` of `fields`, answered as it came (drills count refusals and timeouts). */
export const updateVehicle = (
  port: number,
  cookie: string,
  fields: { id: number; mileage: number; notes?: string },
  timeoutMs?: number,
) =>
  call(port, 'POST', '/trpc/vehicle.update', {
    body: JSON.stringify({ json: fields }),
    cookie,
    ...(timeoutMs ? { timeoutMs } : {}),
  });

/** Signs in as a demo account and returns the `cookie` header value carrying the session. */
export async function signIn(port: number, who: 'staff' | 'admin'): Promise<string> {
  const reply = await call(port, 'POST', '/trpc/auth.login', {
    body: JSON.stringify({ json: { email: `${who}@garage.test`, password: 'garage-demo' } }),
  });
  const cookie = [reply.headers['set-cookie'] ?? []]
    .flat()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('garage_session='));
  if (reply.status !== 200 || !cookie) {
    throw new Error(`sign-in of ${who} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  }
  return cookie;
}

/** Runs `task` over `items`, `concurrency` at a time, in order of the items. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Closes idle keep-alive sockets (end of the run). */
export const closeConnections = () => agent.destroy();
