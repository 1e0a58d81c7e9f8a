import { L1Store } from '../src/l1';
const g = (globalThis as any).gc;
for (const n of [1000, 10000, 1000, 10000, 10000]) {
  const l1 = new L1Store(64 * 1024 * 1024);
  const now = performance.now();
  for (let i = 0; i < n; i++) l1.set({ key: `{ns}:e:vehicle.byId:role:staff:${i}abcdefabcdefabcdefabcdef`, value: {}, bytes: 500, route: 'vehicle.byId', tags: ['fleet:1', `vehicle:${i}`], seq: 0, freshUntil: now + 1e6, staleUntil: now + 1e6, graceMs: 0 });
  g();
  const t0 = performance.now();
  const keys = l1.matching(['fleet:1'], []);
  const t1 = performance.now();
  for (const k of keys) l1.delete(k);
  const t2 = performance.now();
  console.log(n, 'matching', (t1 - t0).toFixed(3), 'delete', (t2 - t1).toFixed(3));
}
