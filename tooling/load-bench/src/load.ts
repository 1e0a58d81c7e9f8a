import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuSeconds } from './api';
import { percentile } from './report';

/** One closed-loop run of a generator process over keep-alive connections. */
export interface GeneratorJob {
  url: string;
  /** Request paths, cycled over by every connection (each starting at its own place). */
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface GeneratorResult {
  ok: number;
  failed: number;
  /** Bytes of the 2xx responses, headers included. */
  bytes: number;
  seconds: number;
  /** ms per 2xx response, from autocannon's per-response hrtime (not its 1 ms histogram). */
  latencies: number[];
  cpuSeconds: number;
}

export interface LoadResult {
  rps: number;
  failed: number;
  p50: number;
  p99: number;
  bytesPerResponse: number;
  /** Cores used over the run (1.00 = one core all the time): the process under load... */
  targetCpu: number;
  /** ...and the generator processes together. */
  generatorCpu: number;
  /** CPU time of the process under load per 2xx response, µs. */
  targetMicrosPerRequest: number;
}

const entry = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/**
 * `count` generator processes (forked with this process's `--import tsx`); each job's
 * connections are split between them and their results added up.
 */
export function startGenerators(count: number) {
  const children = Array.from({ length: count }, () =>
    fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const ask = (index: number, job: GeneratorJob) =>
    new Promise<GeneratorResult>((resolve, reject) => {
      const child = children[index];
      child?.once('message', (reply: GeneratorResult | { error: string }) =>
        'error' in reply ? reject(new Error(reply.error)) : resolve(reply),
      );
      child?.send(job);
    });
  return {
    count,
    /** Loads the process `pid` listening on `port` for `seconds`. */
    async run(
      target: { port: number; pid: number },
      load: { paths: string[]; cookie?: string; connections: number; seconds: number },
    ): Promise<LoadResult> {
      const cpuBefore = cpuSeconds(target.pid);
      const started = performance.now();
      const results = await Promise.all(
        children.map((_, i) => {
          const from = Math.floor((load.paths.length * i) / count);
          return ask(i, {
            url: `http://127.0.0.1:${target.port}`,
            paths: [...load.paths.slice(from), ...load.paths.slice(0, from)],
            headers: load.cookie ? { cookie: load.cookie } : {},
            connections:
              Math.floor(load.connections / count) + (i < load.connections % count ? 1 : 0),
            seconds: load.seconds,
          });
        }),
      );
      const wall = (performance.now() - started) / 1000;
      const sum = (field: 'ok' | 'failed' | 'bytes' | 'cpuSeconds') =>
        results.reduce((total, r) => total + r[field], 0);
      const latencies = results.flatMap((r) => r.latencies);
      const rps = results.reduce((total, r) => total + r.ok / Math.max(r.seconds, 1e-6), 0);
      const targetCpu = (cpuSeconds(target.pid) - cpuBefore) / wall;
      return {
        rps,
        failed: sum('failed'),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        bytesPerResponse: sum('bytes') / Math.max(1, sum('ok')),
        targetCpu,
        generatorCpu: sum('cpuSeconds') / wall,
        targetMicrosPerRequest: (targetCpu * 1e6) / rps,
      };
    },
    stop: () => {
      for (const child of children) child.kill();
    },
  };
}

export type Generators = ReturnType<typeof startGenerators>;
