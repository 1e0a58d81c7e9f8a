import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** The address a request comes from, for throttling and for loopback-only endpoints. */
export type ClientAddress = (req: IncomingMessage) => string;

/**
 * Reads the client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy (what a client wrote to
 * the left of it is its own claim and is ignored). `trusted` holds TRUST_PROXY's entries:
 * addresses, CIDRs, or `loopback`, `linklocal`, `uniquelocal`; empty trusts no one.
 */
export function clientAddressFrom(trusted: readonly string[]): ClientAddress {
  const trust = proxyAddr.compile([...trusted]);
  // A socket already closed has no address left to report.
  return (req) => proxyAddr(req, trust) ?? 'unknown';
}

/** Why `entry` cannot be a TRUST_PROXY entry, or null when it can. */
export function trustEntryProblem(entry: string): string | null {
  try {
    proxyAddr.compile([entry]);
    return null;
  } catch {
    return `"${entry}" is not an address, a CIDR, or loopback / linklocal / uniquelocal`;
  }
}

const loopback = proxyAddr.compile(['loopback']);

/** Whether `address` is this machine's (127.0.0.0/8, ::1, or IPv4-mapped loopback). */
export function isLoopback(address: string): boolean {
  return loopback(address, 0);
}
