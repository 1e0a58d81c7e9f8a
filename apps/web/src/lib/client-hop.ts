import { AsyncLocalStorage } from 'node:async_hooks';

/** The connection a request reached this server on, as src/server.ts saw it. */
export interface ClientHop {
  /** The socket's peer: the browser, or a proxy in front of us (unknown once it hung up). */
  peerAddress: string | undefined;
  /** The X-Forwarded-For the peer sent, if any: claims we pass on but do not vouch for. */
  forwardedFor: string | undefined;
}

declare global {
  // src/server.ts (bundled by esbuild) and the route handlers (bundled by Next.js) each get
  // their own copy of this module; one storage on globalThis is what both copies share.
  var garageClientHops: AsyncLocalStorage<ClientHop> | undefined;
}

globalThis.garageClientHops ??= new AsyncLocalStorage<ClientHop>();

/** src/server.ts runs each request inside `clientHops.run(hop, ...)`. */
export const clientHops: AsyncLocalStorage<ClientHop> = globalThis.garageClientHops;

// Node reports IPv4 peers of a dual-stack socket as IPv4-mapped IPv6 (::ffff:127.0.0.1).
const ipv4Mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The X-Forwarded-For to send the API for the current request: the client's own entries, then
 * the peer we saw, so the API (which trusts only entries its trusted proxies appended) reads the
 * right-most one as the client. Undefined where the peer is unknown (outside src/server.ts, e.g.
 * under `next dev`): then the client's header is dropped rather than passed on unchecked.
 */
export function forwardedForUpstream(): string | undefined {
  const hop = clientHops.getStore();
  if (!hop?.peerAddress) return undefined;
  const peer = hop.peerAddress.replace(ipv4Mapped, '$1');
  return hop.forwardedFor ? `${hop.forwardedFor}, ${peer}` : peer;
}
