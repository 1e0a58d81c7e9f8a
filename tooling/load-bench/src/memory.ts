import { load } from './cannon';
import { call, query, queryPath } from './http';
import { type ApiProcess, rssBytes } from './processes';

type L1 = { entries: number; bytes: number; maxBytes: number };

export interface MemoryPoint {
  /** Seconds since the baseline. */
  t: number;
  rss: number;
  /** V8 heap in use (prom-client's nodejs_heap_size_used_bytes from /metrics). */
  heapUsed?: number;
  l1Bytes?: number;
  l1Entries?: number;
  phase: string;
}

export interface MemoryPhase {
  name: string;
  requests: number;
  failed: number;
  seconds: number;
  /** At the end of the phase. */
  rss: number;
  l1: L1;
  /** Highest samples during the phase. */
  peakRss: number;
  peakHeapUsed: number;
}

export interface MemoryResult {
  baseline: number;
  baselineHeapUsed: number;
  peak: number;
  end: number;
  l1MaxBytes: number;
  phases: MemoryPhase[];
  distinctKeys: number;
  bounded: boolean;
  verdict: string;
  points: MemoryPoint[];
}

async function heapUsed(port: number): Promise<number> {
  const reply = await call(port, 'GET', '/metrics', { timeoutMs: 5_000 });
  const match = /^nodejs_heap_size_used_bytes\s+(\S+)/m.exec(reply.body);
  return match ? Number(match[1]) : Number.NaN;
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

/**
 * Loads many distinct keys through one API instance (default 64 MB L1) while sampling its RSS
 * every 200 ms and its heap and L1 every second: every vehicle by id, then list pages (cursors)
 * and searches (L1 fills and evicts), then twice the same 2,400 pages, more than a full L1
 * holds, so every request misses and evicts: if memory is bounded, the second of these two
 * identical passes peaks no higher than the first.
 */
export async function runMemory(options: {
  api: ApiProcess;
  staffCookie: string;
  adminCookie: string;
  vehicleIds: readonly number[];
  searchTerms: readonly string[];
  connections: number;
  maxSecondsPerPhase: number;
  log: (line: string) => void;
}): Promise<MemoryResult> {
  const { api } = options;
  const points: MemoryPoint[] = [];
  let phase = 'baseline';
  const stats = async () =>
    (await query<{ l1: L1 }>(api.port, 'cache.stats', undefined, options.adminCookie)).l1;

  await new Promise((r) => setTimeout(r, 2_000));
  const t0 = performance.now();
  const since = () => (performance.now() - t0) / 1000;
  const baseline = rssBytes(api.pid);
  const baselineHeapUsed = await heapUsed(api.port);
  const l1Start = await stats();
  points.push({
    t: 0,
    rss: baseline,
    heapUsed: baselineHeapUsed,
    l1Bytes: l1Start.bytes,
    l1Entries: l1Start.entries,
    phase,
  });

  const rssTimer = setInterval(() => {
    points.push({ t: since(), rss: rssBytes(api.pid), phase });
  }, 200);
  let polling = false;
  const slowTimer = setInterval(() => {
    if (polling) return;
    polling = true;
    void Promise.all([stats(), heapUsed(api.port)])
      .then(([l1, heap]) => {
        points.push({
          t: since(),
          rss: rssBytes(api.pid),
          heapUsed: heap,
          l1Bytes: l1.bytes,
          l1Entries: l1.entries,
          phase,
        });
      })
      .catch(() => undefined)
      .finally(() => {
        polling = false;
      });
  }, 1_000);

  const phases: MemoryPhase[] = [];
  const byId = options.vehicleIds.map((id) => queryPath('vehicle.byId', { id }));
  const maxId = Math.max(...options.vehicleIds);
  const pages: string[] = [];
  // 100-row pages starting every 8 ids: about 3,000 distinct pages of ~27 KB, well over 64 MB.
  for (let cursor = maxId; cursor > 100; cursor -= 8) {
    pages.push(queryPath('vehicle.list', { limit: 100, cursor }));
  }
  const searches = options.searchTerms.map((search) =>
    queryPath('vehicle.list', { limit: 50, search }),
  );
  // Interleave pages and searches so both kinds fill L1 throughout the phase.
  const lists: string[] = [];
  for (let i = 0; i < Math.max(pages.length, searches.length); i++) {
    if (pages[i]) lists.push(pages[i] as string);
    if (searches[i]) lists.push(searches[i] as string);
  }
  // A full L1 holds about 1,900 of these pages; cycling over 2,400 (LRU) misses every time.
  const churn = pages.slice(0, 2_400);
  const listsName = `${pages.length.toLocaleString('en')} cursor pages of 100 rows + ${searches.length.toLocaleString('en')} searches of 50`;

  try {
    for (const [name, paths] of [
      [`vehicle.byId, all ${byId.length.toLocaleString('en')} ids`, byId],
      [`vehicle.list, ${listsName}`, lists],
      [
        `vehicle.list, ${churn.length.toLocaleString('en')} of the cursor pages again (churn 1)`,
        churn,
      ],
      [`vehicle.list, the same ${churn.length.toLocaleString('en')} pages again (churn 2)`, churn],
    ] as const) {
      phase = name;
      const from = points.length;
      const result = await load({
        port: api.port,
        pid: api.pid,
        cookie: options.staffCookie,
        connections: options.connections,
        paths,
        amount: paths.length,
        maxSeconds: options.maxSecondsPerPhase,
      });
      const l1 = await stats();
      const during = points.slice(from);
      const rss = rssBytes(api.pid);
      phases.push({
        name,
        requests: result.ok,
        failed: result.failed,
        seconds: result.seconds,
        rss,
        l1,
        peakRss: Math.max(rss, ...during.map((p) => p.rss)),
        peakHeapUsed: Math.max(0, ...during.map((p) => p.heapUsed ?? 0)),
      });
      options.log(
        `  ${name}: ${result.ok} ok, ${result.failed} failed in ${result.seconds.toFixed(1)} s; RSS ${mib(rss)} (peak ${mib(phases.at(-1)?.peakRss ?? 0)}, heap peak ${mib(phases.at(-1)?.peakHeapUsed ?? 0)}), L1 ${mib(l1.bytes)} in ${l1.entries} entries`,
      );
    }
    phase = 'idle after the load';
    await new Promise((r) => setTimeout(r, 3_000));
  } finally {
    clearInterval(rssTimer);
    clearInterval(slowTimer);
  }
  const end = rssBytes(api.pid);
  const l1End = await stats();
  const heapEnd = await heapUsed(api.port);
  points.push({
    t: since(),
    rss: end,
    heapUsed: heapEnd,
    l1Bytes: l1End.bytes,
    l1Entries: l1End.entries,
    phase,
  });
  phases.push({
    name: 'idle 3 s after the load',
    requests: 0,
    failed: 0,
    seconds: 3,
    rss: end,
    l1: l1End,
    peakRss: end,
    peakHeapUsed: heapEnd,
  });

  const peak = Math.max(...points.map((p) => p.rss));
  const [, fill, churn1, churn2] = phases;
  const withinLimit = l1End.bytes <= l1End.maxBytes;
  const filled = (fill?.l1.bytes ?? 0) >= 0.9 * l1End.maxBytes;
  const sign = (n: number) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(0)} %`;
  let bounded: boolean;
  let verdict: string;
  if (!withinLimit) {
    bounded = false;
    verdict = `L1 holds ${mib(l1End.bytes)}, over its ${mib(l1End.maxBytes)} limit`;
  } else if (!fill || !churn1 || !churn2 || !filled) {
    bounded = withinLimit;
    verdict = `L1 did not fill (${mib(fill?.l1.bytes ?? 0)} of ${mib(l1End.maxBytes)}), so eviction was not exercised; L1 stayed within its limit`;
  } else {
    // The two churn passes are the same work (more pages than L1 holds, so
    // every request misses and evicts): if memory is bounded the second peaks no higher.
    const growth = churn2.peakRss / churn1.peakRss - 1;
    const heapGrowth = churn2.peakHeapUsed / churn1.peakHeapUsed - 1;
    bounded = growth <= 0.05;
    verdict = `L1 filled to its limit during the first list pass and evicted from then on. Two more passes over ${churn.length.toLocaleString('en')} of the cursor pages (more than L1 holds, so every request misses and evicts) peaked at ${mib(churn1.peakRss)} and ${mib(churn2.peakRss)} RSS (${sign(growth)}), heap in use ${mib(churn1.peakHeapUsed)} and ${mib(churn2.peakHeapUsed)} (${sign(heapGrowth)}), against ${mib(fill.peakRss)} RSS in the filling pass: ${bounded ? 'the same work twice peaked within 5 % the second time, so memory is bounded' : 'still growing between identical passes while L1 stayed at its limit: not bounded by L1'}. At its peak the process held ${mib(peak - baseline)} more than at the baseline, ${((peak - baseline) / l1End.maxBytes).toFixed(1)}× the L1 limit`;
  }
  const distinctKeys = byId.length + lists.length;
  return {
    baseline,
    baselineHeapUsed,
    peak,
    end,
    l1MaxBytes: l1End.maxBytes,
    phases,
    distinctKeys,
    bounded,
    verdict,
    points,
  };
}
