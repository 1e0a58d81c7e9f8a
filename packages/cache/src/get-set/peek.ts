import type { CacheKey } from '../keys';
import type { StoredAnswer } from '../wire';
import { fillL1, readL2, type Tiers } from './tiers';

/** One key to peek at, with its entry key. */
export interface PeekRequest {
  entryKey: string;
  key: CacheKey;
}

interface Found {
  answer: StoredAnswer;
  tier: 'l1' | 'l2';
}

/**
 * The stored answers of fresh entries, all or nothing: L1 first, then one concurrent L2 read
 * per key L1 lacks (filling L1). Hits are counted only when every key has one; otherwise
 * nothing is counted, and the caller goes through `getOrSet`, which counts the miss or serves
 * the grace and refreshes.
 */
export async function peekEntries(
  tiers: Tiers,
  requests: readonly PeekRequest[],
): Promise<StoredAnswer[] | undefined> {
  const found = requests.map((request) => fromL1(tiers, request));
  const missing = requests.filter((_, index) => found[index] === undefined);
  if (missing.length > 0 && !tiers.remote) return undefined;
  if (missing.length > 0) {
    await Promise.all(
      requests.map(async (request, index) => {
        found[index] ??= await fromL2(tiers, request);
      }),
    );
  }
  const answers: StoredAnswer[] = [];
  for (const [index, hit] of found.entries()) {
    if (!hit) return undefined;
    answers[index] = hit.answer;
  }
  requests.forEach((request, index) => {
    const stats = tiers.stats.route(request.key.route);
    if (found[index]?.tier === 'l1') stats.l1Hits++;
    else stats.l2Hits++;
  });
  return answers;
}

function fromL1(tiers: Tiers, request: PeekRequest): Found | undefined {
  if (!tiers.l1Trusted()) return undefined;
  const now = performance.now();
  const hit = tiers.l1.get(request.entryKey, now);
  return hit && hit.freshUntil > now ? { answer: hit, tier: 'l1' } : undefined;
}

async function fromL2(tiers: Tiers, request: PeekRequest): Promise<Found | undefined> {
  const generation = tiers.l1.generation;
  const hit = (await readL2(tiers, request.entryKey))?.hit;
  if (!hit || hit.softStale || hit.freshLeftMs <= 0) return undefined;
  fillL1(tiers, {
    key: request.entryKey,
    route: request.key.route,
    tags: hit.tags,
    bytes: hit.payload,
    etag: hit.etag,
    seq: hit.entrySeq,
    generation,
    freshMs: hit.freshLeftMs,
    lifeMs: hit.graceLeftMs,
    copy: true,
  });
  const { payload: bytes, etag, tags, tagsJson } = hit;
  return { answer: { bytes, etag, tags, tagsJson }, tier: 'l2' };
}
