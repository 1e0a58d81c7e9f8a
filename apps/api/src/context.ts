import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cache } from '@garage/cache';
import type { PrismaClient } from '@garage/db';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Logger } from 'pino';
import type { LinkThrottle } from './auth/link-throttle';
import type { SessionStore, SessionUser } from './auth/sessions';
import type { LoginThrottle } from './auth/throttle';
import { cacheControlFor } from './http/cache-control';
import type { ClientAddress } from './http/client-address';
import type { Audiences, LiveEvent } from './services/live/audience';
import type { LiveHub } from './services/live/live-hub';
import type { Messaging } from './services/messages/messaging';
import type { PhotoStore } from './services/photo-store/photo-store';
import type { VinDecoder } from './services/vin-decoder/decoder';

/** What the API is built from: one per process, shared by every request. */
export interface Services {
  prisma: PrismaClient;
  cache: Cache;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** The caller's address: the socket's peer, or what trusted proxies say it is. */
  clientAddress: ClientAddress;
  log: Logger;
  /** Secure cookies (HTTPS only) in production. */
  secureCookies: boolean;
  /** False when CACHE_TIERS=off: cached procedures load every time (invalidation still runs). */
  cacheReads: boolean;
  /** Make, model and year from a VIN, offline, off the main thread. */
  vinDecoder: VinDecoder;
  /** Who hears which invalidations: live streams, and the answers of invalidating mutations. */
  audiences: Audiences;
  /** This instance's live streams: the cache's invalidations fanned out to signed-in pages. */
  live: LiveHub;
  /** Where inspection photos' bytes are kept (PostgreSQL by default). */
  photos: PhotoStore;
  /** Messages to customers: where their links point, and this instance's delivery worker. */
  messaging: Messaging;
  /** Limits what one client address does with estimate links. */
  linkThrottle: LinkThrottle;
}

/** What every procedure sees. */
export interface Context extends Services {
  requestId: string;
  /** The signed-in user, or null. */
  user: SessionUser | null;
  /** The session token from the cookie, when it is one we issued (to sign out). */
  sessionToken: string | null;
  /** The caller's address, for login throttling. */
  ip: string;
  /** Sets or clears the session cookie on the response. */
  setSessionCookie(token: string | null, maxAgeSeconds?: number): void;
  /**
   * The cache tags of each call's answer on tRPC's path, by batch index (a call that is not a
   * cached query leaves a hole), for the `x-cache-tags` header.
   */
  answeredTags: (readonly string[] | undefined)[];
  /**
   * What each invalidating mutation's call invalidated that the caller may hear of, by batch
   * index (a hole for any other call), for the `x-cache-invalidated` header.
   */
  invalidations: (LiveEvent | undefined)[];
}

export const sessionCookieName = 'garage_session';

/**
 * The first session cookie in the header that carries a token we issued. Values are taken as
 * they are (our tokens need no decoding), so a malformed one is simply not a token; and one
 * planted under the same name (say by a sibling subdomain) does not hide the real one after it.
 */
function readSessionToken(header: string | undefined, sessions: SessionStore): string | null {
  if (!header) return null;
  const cookies = parseCookie(header, {
    decode: (value) => (sessions.issued(value) ? value : undefined),
  });
  return cookies[sessionCookieName] ?? null;
}

/** Builds a request's context: resolves the session cookie (through the cache) to a user. */
export async function createContext(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<Context> {
  const sessionToken = readSessionToken(req.headers.cookie, services.sessions);
  const user = sessionToken ? await services.sessions.resolve(sessionToken) : null;
  res.setHeader(
    'cache-control',
    cacheControlFor({ method: req.method, url: req.url, signedIn: user !== null }),
  );
  return {
    ...services,
    requestId,
    user,
    sessionToken,
    ip: services.clientAddress(req),
    answeredTags: [],
    invalidations: [],
    setSessionCookie(token, maxAgeSeconds = 0) {
      const cookie = stringifySetCookie({
        name: sessionCookieName,
        value: token ?? '',
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        maxAge: token ? maxAgeSeconds : 0,
        secure: services.secureCookies,
      });
      res.appendHeader('set-cookie', cookie);
    },
  };
}
