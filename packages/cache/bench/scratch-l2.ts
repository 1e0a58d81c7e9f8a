import { createCache, hashInput } from '@garage/cache';
import { Redis } from 'ioredis6';
import superjson from 'superjson';
import { READ } from '../src/redis/scripts';
import { deepFreeze } from '../src/freeze';
import { vehicleRow, vehiclePage } from './src/payloads';
const ns = `gbench-scratchl2${Date.now()}`;
const cache = createCache({ namespace: ns, redis: 'redis://127.0.0.1:6379', l1: { maxBytes: 0 } });
const raw = new Redis('redis://127.0.0.1:6379');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
await sleep(200);
for (const [name, value] of [['row', vehicleRow(42)], ['page', vehiclePage()]] as const) {
  const key = { route: 'vehicle.byId', scope: 'role:staff', input: { id: 42, name } };
  await cache.getOrSet(key, async () => value, { ttlMs: 600000, tags: ['vehicle:42'] });
  const entryKey = `{${ns}}:e:vehicle.byId:role:staff:${hashInput(key.input)}`;
  const plainKey = `{${ns}}:plain:${name}`;
  await raw.set(plainKey, superjson.stringify(value));
  const sha = (await raw.script('LOAD', READ)) as string;
  const payload = superjson.stringify(value);
  const N = 2000;
  const time = async (label: string, fn: () => Promise<unknown> | unknown) => {
    for (let i = 0; i < 200; i++) await fn();
    const results: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (let i = 0; i < N / 5; i++) await fn();
      results.push(((performance.now() - t0) * 1000) / (N / 5));
    }
    results.sort((a, b) => a - b);
    console.log(name.padEnd(5), label.padEnd(42), results[2]!.toFixed(1), 'µs');
  };
  const keys = [entryKey, `{${ns}}:inv`, `{${ns}}:seq`];
  await time('GET only', () => raw.get(plainKey));
  await time('GET + superjson.parse', async () => superjson.parse((await raw.get(plainKey))!));
  await time('EVAL READ only', () => raw.eval(READ, 3, ...keys));
  await time('EVALSHA READ only', () => raw.evalsha(sha, 3, ...keys));
  await time('HGET v only', () => raw.hget(entryKey, 'v'));
  await time('superjson.parse only', () => superjson.parse(payload));
  await time('superjson.parse + deepFreeze', () => deepFreeze(superjson.parse(payload)));
  await time('hashInput', () => hashInput(key.input));
  await time('ours getOrSet (L1 off => L2 hit)', () => cache.getOrSet(key, async () => { throw new Error('loader'); }, { ttlMs: 600000, tags: ['vehicle:42'] }));
}
await cache.close(); raw.disconnect();
process.exit(0);
