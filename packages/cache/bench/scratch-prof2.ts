import { Redis } from 'ioredis6';
import superjson from 'superjson';
import { READ } from '../src/redis/scripts';
import { vehicleRow } from './src/payloads';
const raw = new Redis('redis://127.0.0.1:6379');
const k = `gbench-scratchp2${Date.now()}`;
await raw.set(k, superjson.stringify(vehicleRow(42)));
const mode = process.argv[2];
const sha = (await raw.script('LOAD', READ)) as string;
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 3000) {
  if (mode === 'get') superjson.parse((await raw.get(k))!);
  else if (mode === 'eval') await raw.eval(READ, 3, `{x}:e`, `{x}:inv`, `{x}:seq`);
  else if (mode === 'evalsha') await raw.evalsha(sha, 3, `{x}:e`, `{x}:inv`, `{x}:seq`);
  n++;
}
console.log(mode, 'µs/op', ((performance.now() - t0) * 1000 / n).toFixed(1));
await raw.del(k); raw.disconnect();
process.exit(0);
