/**
 * The load generator: autocannon in processes of its own (this file, forked with `generator`),
 * so the bench process's work never slows it, and its CPU is measured apart from the server's.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile } from '@garage/bench-report';
import autocannon from 'autocannon';
import { cpuSeconds } from './api';

/** One closed-loop run over keep-alive connections, cycling over `paths`. */
interface Job {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

/** 2xx answers and their bytes (headers included) and latencies (per-response hrtime, ms). */
type JobResult = {
  ok: number;
  failed: number;
  bytes: number;
  seconds: number;
  latencies: number[];
  cpuSeconds: number;
};

/** Runs `job` in this process (the generator side). */
async function runJob(job: Job): Promise<JobResult> {
  const requests = job.paths.map((path) => ({ method: 'GET' as const, path }));
  const result: JobResult = {
    ok: 0,
    failed: 0,
    bytes: 0,
    seconds: 0,
    latencies: [],
    cpuSeconds: 0,
  };
  let connection = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        headers: job.headers,
        requests,
        pipelining: 1,
        timeout: 10,
        duration: job.seconds,
        // Each connection starts at its own place in the paths, so they cycle over all of them.
        setupClient: (client) => {
          const from = Math.floor((requests.length * connection++) / job.connections);
          client.setRequests([...requests.slice(from), ...requests.slice(0, from)]);
        },
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, status, bytes, ms) => {
      result.seconds = (performance.now() - started) / 1000;
      if (status < 200 || status >= 300) result.failed++;
      else {
        result.latencies.push(ms);
        result.bytes += bytes;
        result.ok++;
      }
    });
    instance.on('reqError', () => result.failed++);
  });
  const cpu = process.cpuUsage(cpuBefore);
  return { ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

if (process.argv[2] === 'generator') {
  process.on('message', (job: Job) => {
    runJob(job).then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  });
}

export type LoadResult = Awaited<ReturnType<Generators['run']>>;

/** `count` generator processes; each job's connections are split between them, results added. */
export function startGenerators(count: number) {
  const entry = fileURLToPath(import.meta.url);
  const children = Array.from({ length: count }, () =>
    fork(entry, ['generator'], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const ask = (index: number, job: Job) =>
    new Promise<JobResult>((resolve, reject) => {
      children[index]?.once('message', (reply: JobResult | { error: string }) =>
        'error' in reply ? reject(new Error(reply.error)) : resolve(reply),
      );
      children[index]?.send(job);
    });
  return {
    /** Loads the process `pid` listening on `port` for `seconds`. */
    async run(
      target: { port: number; pid: number },
      load: { paths: string[]; cookie?: string; connections: number; seconds: number },
    ) {
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
        results.reduce((n, r) => n + r[field], 0);
      const rps = results.reduce((n, r) => n + r.ok / Math.max(r.seconds, 1e-6), 0);
      const latencies = results.flatMap((r) => r.latencies);
      const targetCpu = (cpuSeconds(target.pid) - cpuBefore) / wall;
      return {
        rps,
        failed: sum('failed'),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        bytesPerResponse: sum('bytes') / Math.max(1, sum('ok')),
        /** Cores used over the run (1.00 = one core all the time) by the process under load... */
        targetCpu,
        /** ...its CPU time per 2xx response, µs... */
        targetMicrosPerRequest: (targetCpu * 1e6) / rps,
        /** ...and by the generator processes together. */
        generatorCpu: sum('cpuSeconds') / wall,
      };
    },
    stop: () => {
      for (const child of children) child.kill();
    },
  };
}

export type Generators = ReturnType<typeof startGenerators>;
