import { fmt, mib, table, targetsTable } from '@garage/bench-report';
import { type Api, cacheStats, rssBytes } from './api';
import { call, inParallel, queryPath } from './http';
import type { Infra } from './infra';

const heapUsed = async (api: Api) => {
  const { body } = await call(api.port, 'GET', '/metrics');
  return Number(/^nodejs_heap_size_used_bytes\s+(\S+)/m.exec(body)?.[1]) || 0;
};

/**
 * Table 4: many distinct keys through one fresh instance with the default L1, its RSS sampled
 * every 200 ms and its V8 heap every second: every vehicle by id, then 100-row list pages and
 * searches (L1 fills and evicts), then twice the same 2,400 pages, more than a full L1 holds,
 * so every request misses and evicts. Bounded: the second of these two identical passes peaks
 * within 5 % of the first, and L1 filled and stayed within its limit.
 */
export async function memoryBlock(infra: Infra, searchCount: number) {
  const api = await infra.api('memory');
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const peaks = { rss: 0, heap: 0 };
  const rssTimer = setInterval(() => {
    peaks.rss = Math.max(peaks.rss, rssBytes(api.pid));
  }, 200);
  const heapTimer = setInterval(() => {
    void heapUsed(api).then((heap) => {
      peaks.heap = Math.max(peaks.heap, heap);
    });
  }, 1_000);
  /** The phase just ended, measured; the peaks start again from nothing. */
  const measure = async (name: string, requests: number, failed: number, seconds: number) => {
    const [rss, heap, { l1 }] = [rssBytes(api.pid), await heapUsed(api), await cacheStats(api)];
    const phase = {
      name,
      requests,
      failed,
      seconds,
      rss,
      peakRss: Math.max(peaks.rss, rss),
      peakHeap: Math.max(peaks.heap, heap),
      l1,
    };
    Object.assign(peaks, { rss: 0, heap: 0 });
    return phase;
  };
  const vehicleIds = infra.vehicles.map((v) => v.id);
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
  const churn = pages.slice(0, 2_400);
  const n = (count: number) => count.toLocaleString('en');
  const passes: [string, string[]][] = [
    [
      `vehicle.byId, all ${n(vehicleIds.length)} ids`,
      vehicleIds.map((id) => queryPath('vehicle.byId', { id })),
    ],
    [
      `vehicle.list, ${n(pages.length)} cursor pages of 100 rows + ${n(searches.length)} searches of 50`,
      pages.flatMap((page, i) => [page, ...(searches[i] ? [searches[i]] : [])]),
    ],
    [`vehicle.list, ${n(churn.length)} of the cursor pages again (churn 1)`, churn],
    [`vehicle.list, the same ${n(churn.length)} pages again (churn 2)`, churn],
  ];
  const phases = [await measure('baseline (started, signed in, idle)', 0, 0, 0)];
  try {
    for (const [name, paths] of passes) {
      let failed = 0;
      const started = performance.now();
      await inParallel(paths, 32, async (path) => {
        if ((await call(api.port, 'GET', path, { cookie: api.staff })).status !== 200) failed++;
      });
      phases.push(await measure(name, paths.length, failed, (performance.now() - started) / 1000));
      console.log(`  ${name}: RSS peak ${mib(phases.at(-1)?.peakRss ?? 0)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    phases.push(await measure('idle 3 s after the load', 0, 0, 3));
  } finally {
    clearInterval(rssTimer);
    clearInterval(heapTimer);
    await api.stop();
  }
  const [baseline, , fill, churn1, churn2, end] = phases;
  const limit = end?.l1.maxBytes ?? 0;
  const growth = (churn2?.peakRss ?? 0) / (churn1?.peakRss ?? 0) - 1;
  const peak = Math.max(...phases.map((p) => p.peakRss));
  const target = {
    text: `RSS bounded over many distinct keys (L1 ${mib(limit)}): churn 2 peaks within 5 % of churn 1, L1 filled and within its limit`,
    measured: `churn peaks ${mib(churn1?.peakRss ?? 0)} → ${mib(churn2?.peakRss ?? 0)} (${fmt(growth * 100, 1)} %); peak ${mib(peak)} = baseline + ${fmt((peak - (baseline?.rss ?? 0)) / limit, 1)}× the L1 limit; L1 ${mib(fill?.l1.bytes ?? 0)}`,
    met: growth <= 0.05 && (fill?.l1.bytes ?? 0) >= 0.9 * limit && (end?.l1.bytes ?? 0) <= limit,
  };
  return `${targetsTable([target])}\n\n${table(
    'Phase | requests | failed | seconds | RSS at end | RSS peak | V8 heap in use, peak | L1 bytes | L1 entries',
    phases.map(
      (p) =>
        `${p.name} | ${p.requests ? fmt(p.requests) : ''} | ${fmt(p.failed)} | ${fmt(p.seconds, 1)} | ${mib(p.rss)} | ${mib(p.peakRss)} | ${mib(p.peakHeap)} | ${mib(p.l1.bytes)} | ${fmt(p.l1.entries)}`,
    ),
    'lrrrrrrrr',
  )}`;
}
