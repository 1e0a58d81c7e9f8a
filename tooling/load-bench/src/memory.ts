import { type Api, cacheStats, rssBytes } from './api';
import { call, inParallel, queryPath } from './http';
import { fmt, mib, type Target, table } from './report';

type Phase = Awaited<ReturnType<typeof runMemory>>[number];

const heapUsed = async (api: Api) =>
  Number(
    /^nodejs_heap_size_used_bytes\s+(\S+)/m.exec(
      (await call(api.port, 'GET', '/metrics')).body,
    )?.[1],
  );

/**
 * Many distinct keys through one fresh instance (default L1) while its RSS is sampled every
 * 200 ms and its V8 heap every second: every vehicle by id, then 100-row list pages (cursors)
 * and searches, L1 filling and evicting, then twice the same 2,400 pages, more than a full L1
 * holds, so every request misses and evicts.
 */
export async function runMemory(api: Api, vehicleIds: readonly number[], searchCount: number) {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const peaks = { rss: 0, heap: 0 };
  const rssTimer = setInterval(() => {
    peaks.rss = Math.max(peaks.rss, rssBytes(api.pid));
  }, 200);
  const heapTimer = setInterval(() => {
    void heapUsed(api).then((heap) => {
      peaks.heap = Math.max(peaks.heap, heap || 0);
    });
  }, 1_000);
  const phases: {
    name: string;
    requests: number;
    failed: number;
    seconds: number;
    rss: number;
    peakRss: number;
    peakHeap: number;
    l1: { bytes: number; entries: number; maxBytes: number };
  }[] = [];
  const record = async (name: string, requests: number, failed: number, seconds: number) => {
    const [rss, heap, { l1 }] = [rssBytes(api.pid), await heapUsed(api), await cacheStats(api)];
    phases.push({
      name,
      requests,
      failed,
      seconds,
      rss,
      peakRss: Math.max(peaks.rss, rss),
      peakHeap: Math.max(peaks.heap, heap),
      l1,
    });
    Object.assign(peaks, { rss: 0, heap: 0 });
  };
  const pages: string[] = [];
  // 100-row pages starting every 8 ids: about 3,000 distinct pages of ~27 KB, well over 64 MB.
  for (let cursor = Math.max(...vehicleIds); cursor > 100; cursor -= 8) {
    pages.push(queryPath('vehicle.list', { limit: 100, cursor }));
  }
  // Every fourth two-letter term and 50 digit runs: searches scan the table, so they are fewer.
  const letters = [...'abcdefghijklmnopqrstuvwxyz'];
  const searches = letters
    .flatMap((x) => letters.map((y) => `${x}${y}`))
    .filter((_, i) => i % 4 === 0)
    .concat(Array.from({ length: 50 }, (_, n) => String(100 + n * 13)))
    .slice(0, searchCount)
    .map((search) => queryPath('vehicle.list', { limit: 50, search }));
  const lists = pages.flatMap((page, i) => [page, ...(searches[i] ? [searches[i]] : [])]);
  const churn = pages.slice(0, 2_400);
  const n = (count: number) => count.toLocaleString('en');
  try {
    await record('baseline (started, signed in, idle)', 0, 0, 0);
    for (const [name, paths] of [
      [
        `vehicle.byId, all ${n(vehicleIds.length)} ids`,
        vehicleIds.map((id) => queryPath('vehicle.byId', { id })),
      ],
      [
        `vehicle.list, ${n(pages.length)} cursor pages of 100 rows + ${n(searches.length)} searches of 50`,
        lists,
      ],
      [`vehicle.list, ${n(churn.length)} of the cursor pages again (churn 1)`, churn],
      [`vehicle.list, the same ${n(churn.length)} pages again (churn 2)`, churn],
    ] as const) {
      let failed = 0;
      const started = performance.now();
      await inParallel(paths, 32, async (path) => {
        if ((await call(api.port, 'GET', path, { cookie: api.staff })).status !== 200) failed++;
      });
      await record(name, paths.length, failed, (performance.now() - started) / 1000);
      console.log(
        `  ${name}: RSS peak ${mib(phases.at(-1)?.peakRss ?? 0)}, L1 ${mib(phases.at(-1)?.l1.bytes ?? 0)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await record('idle 3 s after the load', 0, 0, 3);
  } finally {
    clearInterval(rssTimer);
    clearInterval(heapTimer);
  }
  return phases;
}

/** Bounded: the second of two identical churn passes peaks within 5 % of the first, L1 in its limit. */
export function memoryTargets(phases: Phase[]): Target[] {
  const [baseline, , fill, churn1, churn2, end] = phases;
  if (!baseline || !fill || !churn1 || !churn2 || !end) return [];
  const growth = churn2.peakRss / churn1.peakRss - 1;
  const limit = end.l1.maxBytes;
  const peak = Math.max(...phases.map((p) => p.peakRss));
  return [
    {
      text: `RSS bounded over many distinct keys (L1 ${mib(limit)}): churn 2 peaks within 5 % of churn 1, L1 filled and within its limit`,
      measured: `churn peaks ${mib(churn1.peakRss)} → ${mib(churn2.peakRss)} (${fmt(growth * 100, 1)} %); peak ${mib(peak)} = baseline + ${fmt((peak - baseline.rss) / limit, 1)}× the L1 limit; L1 ${mib(fill.l1.bytes)}`,
      met: growth <= 0.05 && fill.l1.bytes >= 0.9 * limit && end.l1.bytes <= limit,
    },
  ];
}

export const memoryTable = (phases: Phase[]) =>
  table(
    'Phase | requests | failed | seconds | RSS at end | RSS peak | V8 heap in use, peak | L1 bytes | L1 entries',
    phases.map(
      (p) =>
        `${p.name} | ${p.requests ? fmt(p.requests) : ''} | ${fmt(p.failed)} | ${fmt(p.seconds, 1)} | ${mib(p.rss)} | ${mib(p.peakRss)} | ${mib(p.peakHeap)} | ${mib(p.l1.bytes)} | ${fmt(p.l1.entries)}`,
    ),
    'lrrrrrrrr',
  );
