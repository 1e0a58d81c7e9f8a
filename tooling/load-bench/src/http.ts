import { Agent, type IncomingHttpHeaders, request } from 'node:http';

/** Keep-alive connections to 127.0.0.1 only; one agent for the whole bench. */
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** An answer; status 0 when none came, its body then `timeout` (a hang) or `error` (refused). */
export interface Reply {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

/** One HTTP request to 127.0.0.1:`port` with a hard timeout; never rejects (see `Reply`). */
export function call(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: string; cookie?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const failed = (body: string) => () => resolve({ status: 0, body, headers: {} });
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', failed('error'));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
      });
    });
    // Resolved first, so the error the destroy raises changes nothing.
    req.setTimeout(options.timeoutMs ?? 10_000, () => {
      failed('timeout')();
      req.destroy();
    });
    req.on('error', failed('error'));
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

/** Who calls: the API's port and a session cookie. */
type Caller = { port: number; staff: string };

export const readVehicle = (api: Caller, id: number, timeoutMs?: number) =>
  call(api.port, 'GET', queryPath('vehicle.byId', { id }), {
    cookie: api.staff,
    ...(timeoutMs ? { timeoutMs } : {}),
  });

/** The mileage of a vehicle.byId answer; undefined when it is not a 200. */
export const mileageOf = (reply: Reply) =>
  reply.status === 200 ? resultOf<{ mileage: number }>(reply.body).mileage : undefined;

/** The version of a vehicle.byId or vehicle.update answer; undefined when it is not a 200. */
export const versionOf = (reply: Reply) =>
  reply.status === 200 ? resultOf<{ version: number }>(reply.body).version : undefined;

/** The vehicle's version now, named by an update refused for a newer version (409). */
export const conflictVersionOf = (reply: Reply) =>
  reply.status === 409
    ? (JSON.parse(reply.body) as { error: { json: { data: { conflict?: { version: number } } } } })
        .error.json.data.conflict?.version
    : undefined;

/** An update of a vehicle at `version` (the one it was read at). */
export const updateVehicle = (
  api: Caller,
  fields: { id: number; version: number; mileage: number; notes?: string },
  timeoutMs?: number,
) =>
  call(api.port, 'POST', '/trpc/vehicle.update', {
    body: JSON.stringify({ json: fields }),
    cookie: api.staff,
    ...(timeoutMs ? { timeoutMs } : {}),
  });

/** Signs in as a demo account and returns the `cookie` header value carrying the session. */
export async function signIn(port: number, who: 'staff' | 'admin'): Promise<string> {
  const reply = await call(port, 'POST', '/trpc/auth.login', {
    body: JSON.stringify({ json: { email: `${who}@garage.test`, password: 'garage-demo' } }),
  });
  const cookie = /garage_session=[^;,]+/.exec(String(reply.headers['set-cookie']))?.[0];
  if (!cookie) throw new Error(`sign-in of ${who} answered ${reply.status}: ${reply.body}`);
  return cookie;
}

/** Runs `task` over `items`, `concurrency` at a time, in the order of the items. */
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
