import type { RemoteRead, RemoteStore } from './remote-store';

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
 * After a Redis miss: either takes the key's fill lease (the caller loads and stores, then
 * releases it), or waits for the holder's value to appear in Redis. Gives up waiting after
 * `waitMs` and lets the caller load anyway, so a slow or dead holder costs time, not errors;
 * a Redis failure on the way means "load without a lease".
 */
export async function awaitFillOrLease(
  remote: RemoteStore,
  key: string,
  holder: string,
  options: LeaseOptions,
  firstRead: RemoteRead,
  read: () => Promise<RemoteRead | undefined>,
): Promise<{ read: RemoteRead | undefined; leased: boolean }> {
  const deadline = performance.now() + options.waitMs;
  let current: RemoteRead | undefined = firstRead;
  while (current && !current.hit) {
    const acquired = await remote.acquireLease(key, holder, options.ttlMs).catch(() => undefined);
    if (acquired !== false) return { read: current, leased: acquired === true };
    if (performance.now() >= deadline) break;
    await sleep(options.pollMs);
    current = await read();
  }
  return { read: current, leased: false };
}
