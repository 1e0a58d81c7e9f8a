import { load } from './cannon';
import { query, queryPath } from './http';
import { type ApiProcess, rssBytes } from './processes';

type L1 = { entries: number; bytes: number; maxBytes: number };

export interface MemoryPoint {
  /** Seconds since the baseline. */
  t: number;
  rss: number;
  l1Bytes?: number;
  l1Entries?: number;
  phase: string;
}

export interface MemoryPhase {
  name: string;
  requests: number;
  failed: number;
  seconds: number;
  /** RSS and L1 at the end of the phase. */
  rss: number;
  l1: L1;
}

export interface MemoryResult {
  baseline: number;
  peak: number;
  end: number;
  l1MaxBytes: number;
  phases: MemoryPhase[];
  distinctKeys: number;
  /** RSS when L1 first held ≥ 90 % of its limit, and the peak after that (null: never full). */
  atL1Full: number | null;
  peakAfterL1Full: number | null;
  bounded: boolean;
  verdict: string;
  points: MemoryPoint[];
}

/**
 * Loads many distinct keys through one API instance (default 64 MB L1) while sampling its RSS
 * every 200 ms: every vehicle by id, then list pages (cursors) and searches.
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
  const baseline = rssBytes(api.pid);
  const l1Start = await stats();
  points.push({ t: 0, rss: baseline, l1Bytes: l1Start.bytes, l1Entries: l1Start.entries, phase });

  const rssTimer = setInterval(() => {
    points.push({ t: (performance.now() - t0) / 1000, rss: rssBytes(api.pid), phase });
  }, 200);
  let polling = false;
  const l1Timer = setInterval(() => {
    if (polling) return;
    polling = true;
    void stats()
      .then((l1) => {
        points.push({
          t: (performance.now() - t0) / 1000,
          rss: rssBytes(api.pid),
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

  try {
    for (const [name, paths] of [
      [`vehicle.byId, all ${byId.length.toLocaleString('en')} ids`, byId],
      [
        `vehicle.list, ${pages.length.toLocaleString('en')} cursor pages of 100 rows + ${searches.length.toLocaleString('en')} searches of 50`,
        lists,
      ],
    ] as const) {
      phase = name;
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
      phases.push({
        name,
        requests: result.ok,
        failed: result.failed,
        seconds: result.seconds,
        rss: rssBytes(api.pid),
        l1,
      });
      options.log(
        `  ${name}: ${result.ok} ok, ${result.failed} failed in ${result.seconds.toFixed(1)} s; RSS ${(rssBytes(api.pid) / 2 ** 20).toFixed(0)} MiB, L1 ${(l1.bytes / 2 ** 20).toFixed(1)} MiB in ${l1.entries} entries`,
      );
    }
    phase = 'idle after the load';
    await new Promise((r) => setTimeout(r, 3_000));
  } finally {
    clearInterval(rssTimer);
    clearInterval(l1Timer);
  }
  const end = rssBytes(api.pid);
  const l1End = await stats();
  points.push({
    t: (performance.now() - t0) / 1000,
    rss: end,
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
  });

  const peak = Math.max(...points.map((p) => p.rss));
  const full = points.find((p) => p.l1Bytes !== undefined && p.l1Bytes >= 0.9 * l1End.maxBytes);
  const atL1Full = full ? full.rss : null;
  const peakAfterL1Full = full
    ? Math.max(...points.filter((p) => p.t >= full.t).map((p) => p.rss))
    : null;
  const distinctKeys = byId.length + lists.length;
  const withinLimit = l1End.bytes <= l1End.maxBytes;
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
  let bounded: boolean;
  let verdict: string;
  if (!withinLimit) {
    bounded = false;
    verdict = `L1 holds ${mib(l1End.bytes)}, over its ${mib(l1End.maxBytes)} limit`;
  } else if (full && atL1Full !== null && peakAfterL1Full !== null) {
    const growth = peakAfterL1Full - atL1Full;
    bounded = growth <= 0.25 * atL1Full;
    verdict = `L1 reached ${mib(0.9 * l1End.maxBytes)} at ${full.t.toFixed(0)} s (RSS ${mib(atL1Full)}) and evicted from then on; RSS grew ${mib(growth)} more while ${distinctKeys.toLocaleString('en')} distinct keys went through it, and L1 ended at ${mib(l1End.bytes)} of ${mib(l1End.maxBytes)}`;
  } else {
    bounded = true;
    verdict = `L1 never reached 90 % of its limit (${mib(l1End.bytes)} of ${mib(l1End.maxBytes)}): the keys fit, so eviction was not exercised`;
  }
  return {
    baseline,
    peak,
    end,
    l1MaxBytes: l1End.maxBytes,
    phases,
    distinctKeys,
    atL1Full,
    peakAfterL1Full,
    bounded,
    verdict,
    points,
  };
}
