import { bento, benchKey } from './src/subjects';
import { vehicleRow } from './src/payloads';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const prefix = `gbench-scratchb${Date.now()}`;
const s = bento({ label: 'b', prefix, redis: { host: '127.0.0.1', port: 6379, db: 0 }, connectionName: prefix, serializer: 'superjson' });
await sleep(300);
for (let i = 0; i < 5; i++) { const t0 = performance.now(); await s.invalidateTags!([`t${i}`]); console.log('empty deleteByTag', (performance.now() - t0).toFixed(3)); }
const row = vehicleRow(1);
for (const wait of [100, 1000, 3000]) {
  const tag = `fleet${wait}`;
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => { while (next < 1000) { const i = next++; await s.getOrSet(benchKey('r', { i, tag }), async () => row, [tag], 60000); } }));
  await sleep(wait);
  const t0 = performance.now(); await s.invalidateTags!([tag]); console.log('after fill, wait', wait, (performance.now() - t0).toFixed(3));
}
await s.close();
process.exit(0);
