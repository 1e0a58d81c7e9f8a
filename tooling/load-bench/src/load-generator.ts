/**
 * A load-generator process (forked by `load.ts`): runs one autocannon job per message and
 * answers with its counts, its exact latencies and the CPU this process used during the job,
 * so the bench process's own work never slows the generator, and the generator's cost shows.
 */
import autocannon from 'autocannon';
import type { GeneratorJob, GeneratorResult } from './load';

async function run(job: GeneratorJob): Promise<GeneratorResult> {
  const requests = job.paths.map((path) => ({ method: 'GET' as const, path }));
  let connection = 0;
  const latencies: number[] = [];
  let bytes = 0;
  let failed = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let last = started;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        pipelining: 1,
        timeout: 10,
        duration: job.seconds,
        headers: job.headers,
        requests,
        // Each connection starts at its own place in the paths, so they cycle over all of them.
        setupClient: (client) => {
          const from = Math.floor((requests.length * connection++) / job.connections);
          client.setRequests([...requests.slice(from), ...requests.slice(0, from)]);
        },
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, status, responseBytes, responseMs) => {
      last = performance.now();
      if (status < 200 || status >= 300) failed++;
      else {
        latencies.push(responseMs);
        bytes += responseBytes;
      }
    });
    instance.on('reqError', () => failed++);
  });
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ok: latencies.length,
    failed,
    bytes,
    seconds: (last - started) / 1000,
    latencies,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

process.on('message', (job: GeneratorJob) => {
  run(job).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
