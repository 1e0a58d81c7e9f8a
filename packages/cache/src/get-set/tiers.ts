import type { Flights } from '../flights';
import type { Invalidations } from '../invalidations';
import type { L1Store } from '../l1';
import type { LeaseOptions } from '../redis/fill-lease';
import type { FillLease, RemoteRead, RemoteStore } from '../redis/remote-store';
import type { RouteStatsRegistry } from '../route-stats';
import { ownedCopy } from '../wire';

/** What the read and fill steps work on: one cache's tiers and their bookkeeping. */
export interface Tiers {
  /** This instance's id (lease holder, bus origin). */
  id: string;
  l1: L1Store;
  /** Cap of an L1 entry's lifetime, whatever its TTL. */
  l1MaxTtlMs: number;
  /** L1 may be trusted only while it hears every invalidation (or there is no other instance). */
  l1Trusted(): boolean;
  remote: RemoteStore | undefined;
  lease: LeaseOptions | undefined;
  flights: Flights;
  invalidations: Invalidations;
  stats: RouteStatsRegistry;
}

/** An entry about to go into L1, with what decides whether it still may. */
export interface L1Fill {
  key: string;
  route: string;
  tags: readonly string[];
  tagsJson: string;
  bytes: Buffer;
  etag: string;
  /** The sequence number it was loaded (or stored) at. */
  seq: number;
  /** L1's generation when the read or load began: a flush since then refuses the fill. */
  generation: number;
  freshMs: number;
  /** Fresh plus grace. */
  lifeMs: number;
  /** Copy the bytes first (they are a slice of a Redis reply). */
  copy: boolean;
}

/** Puts an entry into L1 unless an invalidation or a flush since its snapshot forbids it. */
export function fillL1(tiers: Tiers, fill: L1Fill): void {
  const { l1 } = tiers;
  // An L1 of zero bytes (Redis only) keeps nothing: not even worth checking.
  if (l1.maxBytes === 0 || !tiers.l1Trusted()) return;
  if (fill.generation !== l1.generation) return;
  if (!tiers.invalidations.isCurrent(fill.seq, fill.route, fill.tags)) return;
  const now = performance.now();
  const cap = tiers.l1MaxTtlMs;
  l1.set({
    key: fill.key,
    bytes: fill.copy ? ownedCopy(fill.bytes) : fill.bytes,
    etag: fill.etag,
    route: fill.route,
    tags: fill.tags,
    tagsJson: fill.tagsJson,
    seq: fill.seq,
    freshUntil: now + Math.min(fill.freshMs, cap),
    staleUntil: now + Math.min(Math.max(fill.lifeMs, fill.freshMs), cap),
    graceMs: Math.max(0, fill.lifeMs - fill.freshMs),
  });
}

/**
 * Reads `key` from Redis, or undefined when Redis cannot be used now. Queued invalidations
 * reach Redis before anything is read from it. While Redis answers, waiting for one in flight
 * (a write just made here) costs a round trip and lets the read use Redis; once the circuit is
 * open, the read goes on without Redis at once instead of waiting for the replay's probe.
 */
export async function readL2(
  tiers: Tiers,
  key: string,
  lease?: FillLease,
): Promise<RemoteRead | undefined> {
  const { remote, invalidations } = tiers;
  if (!remote) return undefined;
  if (invalidations.pending.size > 0 && remote.circuit.isOpen) {
    void invalidations.replay();
    return undefined;
  }
  await invalidations.replay();
  if (invalidations.pending.size > 0) return undefined;
  return remote.read(key, lease).catch(() => undefined);
}
