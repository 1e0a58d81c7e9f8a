import type { RemoteRead } from './remote-store';

/** Resolved options of the cluster-wide fill lease. */
export interface LeaseOptions {
  ttlMs: number;
  waitMs: number;
  pollMs: number;
}

export function leaseOptions(options: { ttlMs?: number; waitMs?: number; pollMs?: number }) {
  const ttlMs = options.ttlMs ?? 5_000;
  return { ttlMs, waitMs: options.waitMs ?? ttlMs, pollMs: options.pollMs ?? 20 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After a Redis miss that did not take the key's fill lease (another instance holds it): polls
 * Redis for the holder's value, each read trying for the lease again (the holder may give up
 * or die). Stops waiting after `waitMs` and lets the caller load anyway, so a slow or dead
 * holder costs time, not errors; a failed read means "load without a lease".
 */
export async function awaitFill(
  options: LeaseOptions,
  firstRead: RemoteRead,
  read: () => Promise<RemoteRead | undefined>,
): Promise<RemoteRead | undefined> {
  const deadline = performance.now() + options.waitMs;
  let current: RemoteRead | undefined = firstRead;
  while (current && !current.hit && !current.leased && performance.now() < deadline) {
    await sleep(options.pollMs);
    current = await read();
  }
  return current;
}
