import autocannon from 'autocannon';
import { cpuSeconds } from './processes';
import { Samples } from './stats';

export interface LoadResult {
  /** 2xx responses per second over the time from the start to the last response. */
  rps: number;
  ok: number;
  /** Non-2xx answers, socket errors and timeouts together. */
  failed: number;
  seconds: number;
  /** Mean size of a 2xx response (headers and body) in bytes. */
  bytesPerResponse: number;
  /** Latency of 2xx responses in ms (float, from autocannon's per-response hrtime). */
  p50: number;
  p99: number;
  /** CPU of the API process over the run, in cores (1.0 = one core busy all the time). */
  apiCpu: number;
  /** CPU of the load generator (this process) over the run, in cores. */
  loaderCpu: number;
}

export interface LoadOptions {
  port: number;
  /** The API's pid, for its CPU use. */
  pid: number;
  cookie?: string;
  connections: number;
  /** A fixed path, or paths cycled over (one per request, across all connections). */
  paths: readonly string[];
  /** Run for this long... */
  durationS?: number;
  /** ...or for this many requests (stopped anyway after `maxSeconds`). */
  amount?: number;
  maxSeconds?: number;
}

/** Drives the API with autocannon (closed loop, `connections` keep-alive connections). */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { paths } = options;
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
  let next = 0;
  const requests: autocannon.Request[] =
    paths.length === 1
      ? [{ method: 'GET', path: paths[0] as string, headers }]
      : [
          {
            method: 'GET',
            headers,
            setupRequest: (request) => {
              request.path = paths[next++ % paths.length] as string;
              return request;
            },
          },
        ];
  const latencies = new Samples();
  let failed = 0;
  let first = 0;
  let last = 0;
  const cpuBefore = process.cpuUsage();
  const apiBefore = cpuSeconds(options.pid);
  const wallBefore = performance.now();

  let settle: (error: unknown, result?: autocannon.Result) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    settle = (error, result) => (error || !result ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${options.port}`,
      connections: options.connections,
      pipelining: 1,
      timeout: 10,
      requests,
      ...(options.amount !== undefined
        ? { amount: options.amount }
        : { duration: options.durationS ?? 8 }),
    },
    (error, result) => settle(error, result),
  );
  first = performance.now();
  let okBytes = 0;
  instance.on('response', (_client, statusCode, bytes, responseTime) => {
    last = performance.now();
    if (statusCode >= 200 && statusCode < 300) {
      latencies.push(responseTime);
      okBytes += bytes;
    } else failed++;
  });
  instance.on('reqError', () => {
    failed++;
  });
  const guard =
    options.maxSeconds !== undefined
      ? setTimeout(() => instance.stop(), options.maxSeconds * 1000)
      : undefined;
  const result = await finished.finally(() => clearTimeout(guard));

  const wall = (performance.now() - wallBefore) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = Math.max(1e-6, (last - first) / 1000);
  return {
    rps: latencies.length / seconds,
    ok: latencies.length,
    failed: Math.max(failed, result.errors + result.timeouts + result.non2xx),
    seconds,
    bytesPerResponse: okBytes / Math.max(1, latencies.length),
    p50: latencies.percentile(50),
    p99: latencies.percentile(99),
    apiCpu: (cpuSeconds(options.pid) - apiBefore) / wall,
    loaderCpu: (cpu.user + cpu.system) / 1e6 / wall,
  };
}
