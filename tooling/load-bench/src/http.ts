import { Agent, request } from 'node:http';

/** Keep-alive connections to 127.0.0.1 only; one agent for the whole bench. */
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
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
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 10_000, () => {
      req.destroy(new CallTimeoutError(`${method} ${path} timed out`));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The tRPC GET path of a query with `input` (superjson envelope). */
export function queryPath(procedure: string, input?: unknown): string {
  if (input === undefined) return `/trpc/${procedure}`;
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** The `json` part of a tRPC success body. */
export function resultOf<T>(body: string): T {
  return (JSON.parse(body) as { result: { data: { json: T } } }).result.data.json;
}

/** Calls a query; throws with the body on a non-200 answer. */
export async function query<T>(
  port: number,
  procedure: string,
  input: unknown,
  cookie?: string,
): Promise<T> {
  const reply = await call(port, 'GET', queryPath(procedure, input), cookie ? { cookie } : {});
  if (reply.status !== 200) {
    throw new Error(`${procedure} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  }
  return resultOf<T>(reply.body);
}

/** Calls a mutation; throws with the body on a non-200 answer. */
export async function mutate<T>(
  port: number,
  procedure: string,
  input: unknown,
  cookie?: string,
): Promise<T> {
  const reply = await call(port, 'POST', `/trpc/${procedure}`, {
    body: JSON.stringify({ json: input }),
    ...(cookie ? { cookie } : {}),
  });
  if (reply.status !== 200) {
    throw new Error(`${procedure} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  }
  return resultOf<T>(reply.body);
}

/** Signs in and returns the `cookie` header value carrying the session. */
export async function signIn(port: number, email: string, password: string): Promise<string> {
  const reply = await call(port, 'POST', '/trpc/auth.login', {
    body: JSON.stringify({ json: { email, password } }),
  });
  if (reply.status !== 200) {
    throw new Error(`sign-in of ${email} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  }
  const setCookie = reply.headers['set-cookie'];
  const first = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('garage_session='));
  if (!first) throw new Error(`sign-in of ${email} set no session cookie`);
  return first;
}

/** Closes idle keep-alive sockets (end of the run). */
export function closeConnections(): void {
  agent.destroy();
}
