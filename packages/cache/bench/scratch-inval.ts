import { createCache } from '@garage/cache';
import { Redis } from 'ioredis6';
import { vehicleRow } from './src/payloads';
const ns = `gbench-scratch${Date.now()}`;
const cache = createCache({ namespace: ns, redis: 'redis://127.0.0.1:6379', l1: { maxTtlMs: 600000 } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const raw = new Redis('redis://127.0.0.1:6379');
await sleep(200);
const g = (globalThis as any).gc;
for (const n of [0, 100, 1000, 10000, 0, 100, 1000, 10000]) {
  const tag = `fleet:${n}:${Math.random()}`;
  let next = 0;
  const rows = Array.from({length: 1000}, (_, i) => vehicleRow(i));
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < n) { const i = next++; await cache.getOrSet({ route: 'r', scope: 's', input: { i, tag } }, async () => rows[i % 1000], { ttlMs: 60000, tags: [tag] }); }
  }));
  await sleep(100); g();
  const r0 = performance.now(); await raw.eval('return 1', 0); const r1 = performance.now();
  const t0 = performance.now();
  await cache.invalidateTags([tag]);
  const t1 = performance.now();
  await cache.invalidateTags([tag]);
  const t2 = performance.now();
  console.log(n, 'raw eval', (r1-r0).toFixed(3), 'inval', (t1 - t0).toFixed(3), 'ms; again', (t2 - t1).toFixed(3));
}
await cache.clear(); await cache.close(); raw.disconnect();
process.exit(0);
