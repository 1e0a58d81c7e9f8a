import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cache } from '@garage/cache';
import type { PrismaClient } from '@garage/db';
import type { Logger } from 'pino';
import type { SessionStore, SessionUser } from './auth/sessions';
import type { LoginThrottle } from './auth/throttle';

/** What the API is built from: one per process, shared by every request. */
export interface Services {
  prisma: PrismaClient;
  cache: Cache;
  sessions: SessionStore;
  throttle: LoginThrottle;
  log: Logger;
  /** Secure cookies (HTTPS only) in production. */
  secureCookies: boolean;
  /** False when CACHE_TIERS=off: cached procedures load every time (invalidation still runs). */
  cacheReads: boolean;
}

/** What every procedure sees. */
export interface Context extends Services {
  requestId: string;
  /** The signed-in user, or null. */
  user: SessionUser | null;
  /** The raw session token from the cookie (to sign out). */
  sessionToken: string | null;
  /** The caller's address, for login throttling. */
  ip: string;
  /** Sets or clears the session cookie on the response. */
  setSessionCookie(token: string | null, maxAgeSeconds?: number): void;
}

export const sessionCookieName = 'garage_session';

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * The caller's address. Behind our own web proxy (a loopback peer) the browser's address is
 * the first X-Forwarded-For entry; from anywhere else the header is not trusted.
 */
function clientIp(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  const isLoopback = peer === '::1' || peer.startsWith('127.') || peer === '::ffff:127.0.0.1';
  if (isLoopback && typeof forwarded === 'string' && forwarded) {
    return forwarded.split(',')[0]?.trim() || peer;
  }
  return peer;
}

/** Builds a request's context: resolves the session cookie (through the cache) to a user. */
export async function createContext(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<Context> {
  const sessionToken = readCookie(req.headers.cookie, sessionCookieName);
  const user = sessionToken ? await services.sessions.resolve(sessionToken) : null;
  return {
    ...services,
    requestId,
    user,
    sessionToken,
    ip: clientIp(req),
    setSessionCookie(token, maxAgeSeconds = 0) {
      const attributes = [
        `${sessionCookieName}=${token ? encodeURIComponent(token) : ''}`,
        'Path=/',
        'HttpOnly',
        'SameSite=Lax',
        `Max-Age=${token ? maxAgeSeconds : 0}`,
      ];
      if (services.secureCookies) attributes.push('Secure');
      res.appendHeader('set-cookie', attributes.join('; '));
    },
  };
}
