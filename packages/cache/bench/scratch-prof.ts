import { createCache } from '@garage/cache';
import { vehiclePage, vehicleRow } from './src/payloads';
const which = process.argv[2] ?? 'page';
const ns = `gbench-scratchprof${Date.now()}`;
const cache = createCache({ namespace: ns, redis: 'redis://127.0.0.1:6379', l1: { maxBytes: 0 } });
await new Promise((r) => setTimeout(r, 200));
const value = which === 'page' ? vehiclePage() : vehicleRow(42);
const key = { route: 'vehicle.list', scope: 'role:staff', input: { cursor: 0, limit: 50 } };
await cache.getOrSet(key, async () => value, { ttlMs: 600000, tags: ['vehicles'] });
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 4000) { await cache.getOrSet(key, async () => { throw new Error('x'); }, { ttlMs: 600000, tags: ['vehicles'] }); n++; }
console.log(which, 'µs/op', ((performance.now() - t0) * 1000 / n).toFixed(1));
await cache.close();
process.exit(0);
