import { demoPassword } from '@garage/db/seed';
import {
  createTRPCClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import type { AppRouter } from '../../src/index';
import type { LiveEvent } from '../../src/services/live/audience';
import { callRaw } from './raw';

/** A signed-in session's cookie (`session=token`), from a real login over HTTP. */
export async function signIn(base: string, who: string): Promise<string> {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email: `${who}@garage.test`, password: demoPassword } }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`${who} could not sign in (${response.status})`);
  return cookie;
}

/**
 * A tRPC client of one session (or none) against `base`, as a browser page holds it: queries
 * and mutations over HTTP, subscriptions over server-sent events (Node's EventSource polyfill,
 * sending the cookie).
 */
export function liveClientFor(
  base: string,
  cookie: string | undefined,
  options: {
    /** Holds every stream connect until it settles (a page slow to open its stream). */
    connectAfter?: Promise<unknown>;
  } = {},
) {
  const headers = cookie ? { cookie } : undefined;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${base}/trpc`,
          transformer: superjson,
          EventSource,
          eventSourceOptions: () => ({
            fetch: async (url, init) => {
              await options.connectAfter;
              return fetch(url, { ...init, headers: { ...init.headers, ...headers } });
            },
          }),
        }),
        false: httpLink({ url: `${base}/trpc`, transformer: superjson, headers: headers ?? {} }),
      }),
    ],
  });
}

export type LiveClient = ReturnType<typeof liveClientFor>;

/** What one subscription to `live.events` heard: its events, its starts, its final error. */
export interface Listening {
  events: LiveEvent[];
  /** Each event's id: the position to resume from once it was heard. */
  ids: string[];
  starts: number;
  error: TRPCClientError<AppRouter> | undefined;
  /** True once `stop` was called. */
  stopped: boolean;
  /** Resolves once `check` holds (polling what was heard), or rejects after 10 s. */
  until(check: (heard: Listening) => boolean): Promise<void>;
  /** Every tag heard so far. */
  tags(): string[];
  stop(): void;
}

/**
 * Subscribes to `live.events` (from `lastEventId`, the position a page was rendered at, when
 * given) and records what arrives; resolves once the stream is open.
 */
export async function listen(client: LiveClient, lastEventId?: string): Promise<Listening> {
  const heard: Listening = {
    events: [],
    ids: [],
    starts: 0,
    error: undefined,
    stopped: false,
    async until(check) {
      const deadline = Date.now() + 10_000;
      while (!check(heard)) {
        if (Date.now() > deadline) throw new Error('not heard within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    tags: () => heard.events.flatMap((event) => (event.kind === 'invalidated' ? event.tags : [])),
    stop: () => {
      heard.stopped = true;
      subscription.unsubscribe();
    },
  };
  const subscription = client.live.events.subscribe(lastEventId ? { lastEventId } : undefined, {
    onStarted: () => heard.starts++,
    onData: ({ id, data }) => {
      heard.ids.push(id);
      heard.events.push(data);
    },
    onError: (error) => {
      heard.error = error;
    },
  });
  await heard.until(() => heard.starts > 0 || heard.error !== undefined);
  return heard;
}

/**
 * What a page's server render keeps of one answer: the position it was read at
 * (`x-live-position`), to start the page's live stream from.
 */
export async function renderedPosition(
  base: string,
  cookie: string,
  path: string,
  input?: unknown,
): Promise<string> {
  const answer = await callRaw(base, [path], {
    inputs: input === undefined ? [] : [input],
    headers: { cookie },
  });
  const position = answer.headers.get('x-live-position');
  if (answer.codes[0] !== 'OK' || !position) {
    throw new Error(`${path} answered ${answer.status} without a position`);
  }
  return position;
}

/** The tRPC code of the error a subscription ended with. */
export function codeOf(heard: Listening): string | undefined {
  return heard.error instanceof TRPCClientError ? String(heard.error.data?.code) : undefined;
}
