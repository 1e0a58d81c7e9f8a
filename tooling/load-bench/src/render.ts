import { readFileSync } from 'node:fs';
import type { Bar } from './chart';
import { fmt, pct } from './format';
import { type Align, table } from './markdown';
import type { MemoryResult } from './memory';
import type { MixedResult } from './mixed';
import type { ProfileSummary } from './profile';
import type { PropagationResult } from './propagation';
import type { RunHeader } from './setup';
import { median } from './stats';
import type { ThroughputResult } from './throughput';

export interface Target {
  text: string;
  measured: string;
  met: boolean;
  /** A missed throughput target gets a CPU profile. */
  profile?: boolean;
}

export interface RunInfo extends RunHeader {
  config: {
    rounds: number;
    seconds: number;
    connections: number;
    byIdKeys: number;
    mixedSeconds: number;
    crossSeconds: number;
    profileSeconds: number;
  };
}

const ms = (n: number) => fmt(n, 2);
const ratio = (n: number) => (Number.isFinite(n) ? `${n >= 10 ? fmt(n, 1) : fmt(n, 2)}×` : 'n/a');
const mib = (n: number) => `${fmt(n / 2 ** 20)} MiB`;
const yes = (met: boolean) => (met ? 'yes' : '**no**');

function find(results: ThroughputResult[], key: string): ThroughputResult {
  const found = results.find((r) => r.key === key);
  if (!found) throw new Error(`no result for ${key}`);
  return found;
}

/** The API's CPU µs per request of a case, median over its rounds (less exposed to load). */
function cpuOf(results: ThroughputResult[], key: string): number {
  return median(find(results, key).rounds.map((x) => (x.apiCpu / x.rps) * 1e6));
}

export function targetsOf(
  throughput: ThroughputResult[],
  mixed: MixedResult,
  propagation: PropagationResult,
  memory: MemoryResult,
): Target[] {
  const listOff = find(throughput, 'list-off').rps;
  const listBoth = find(throughput, 'list-l1l2').rps;
  const ping = find(throughput, 'ping').rps;
  return [
    {
      text: 'vehicle.list, L1+L2 ≥ 20× cache off (req/s)',
      measured: `${ratio(listBoth / listOff)} (by API CPU per request: ${ratio(cpuOf(throughput, 'list-off') / cpuOf(throughput, 'list-l1l2'))})`,
      met: listBoth / listOff >= 20,
      profile: true,
    },
    {
      text: 'vehicle.list, L1+L2 ≥ 0.9× the bare procedure (req/s)',
      measured: `${ratio(listBoth / ping)} (by API CPU per request: ${ratio(cpuOf(throughput, 'ping') / cpuOf(throughput, 'list-l1l2'))})`,
      met: listBoth / ping >= 0.9,
      profile: true,
    },
    {
      text: 'mixed load, stale reads = 0',
      measured: `${fmt(mixed.staleReads)} of ${fmt(mixed.reads)} reads`,
      met: mixed.staleReads === 0 && mixed.reads > 0,
    },
    {
      text: 'write on A to new value on B, p99 < 5 ms: acknowledged on A → fresh response from B',
      measured: `${ms(propagation.p99)} ms`,
      met: propagation.p99 < 5 && propagation.unresolved === 0,
    },
    {
      text: "write on A to new value on B, p99 < 5 ms: A's invalidation sent → B's L1 entry dropped",
      measured: `≤ ${ms(propagation.bus.p99AtMostMs)} ms (histogram bucket; mean ${ms(propagation.bus.meanMs)} ms over ${fmt(propagation.bus.messages)} messages)`,
      met: propagation.bus.p99AtMostMs < 5 && propagation.bus.messages > 0,
    },
    {
      text: 'RSS bounded over many distinct keys (L1 64 MB)',
      measured: `peak ${mib(memory.peak)}, L1 ${mib(memory.phases.at(-1)?.l1.bytes ?? Number.NaN)}`,
      met: memory.bounded,
    },
  ];
}

const colors = {
  off: '#8c959f',
  l2: '#0969da',
  'l1+l2': '#1a7f37',
  ping: '#bc4c00',
  session: '#e8a266',
};

export function chartBars(throughput: ThroughputResult[], config: RunInfo['config']) {
  const bars: Bar[] = [];
  for (const [procedure, group] of [
    ['list', 'vehicle.list (50 rows)'],
    ['byid', `vehicle.byId (${fmt(config.byIdKeys)} ids)`],
  ] as const) {
    bars.push({
      group,
      label: 'cache off',
      value: find(throughput, `${procedure}-off`).rps,
      color: colors.off,
    });
    bars.push({
      group,
      label: 'L2 only',
      value: find(throughput, `${procedure}-l2`).rps,
      color: colors.l2,
    });
    bars.push({
      group,
      label: 'L1+L2',
      value: find(throughput, `${procedure}-l1l2`).rps,
      color: colors['l1+l2'],
    });
  }
  bars.push({
    group: 'system.ping (ceiling)',
    label: 'bare',
    value: find(throughput, 'ping').rps,
    color: colors.ping,
  });
  bars.push({
    group: 'system.ping (ceiling)',
    label: '+ session',
    value: find(throughput, 'ping-session').rps,
    color: colors.session,
  });
  const ping = find(throughput, 'ping').rps;
  return {
    lines: [{ value: 0.9 * ping, label: 'target for vehicle.list L1+L2: 0.9× bare' }],
    title: 'Garage API throughput by cache configuration',
    subtitle: `req/s, median of ${config.rounds} round${config.rounds === 1 ? '' : 's'} of ${config.seconds} s, ${config.connections} connections, one API process, loopback (tooling/load-bench)`,
    bars,
  };
}

function autocannonVersion(): string {
  try {
    const url = new URL('../node_modules/autocannon/package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** CPU µs per request by area, for the list/ping comparison. */
function perRequest(profile: ProfileSummary, seconds: number) {
  const requests = profile.rps * seconds;
  const busyUs = profile.busyMs * 1000;
  return new Map(profile.areas.map((a) => [a.name, (a.share * busyUs) / requests]));
}

export function renderSection(input: {
  run: RunInfo;
  throughput: ThroughputResult[];
  mixed: MixedResult;
  cross: MixedResult;
  propagation: PropagationResult;
  memory: MemoryResult;
  profiles: ProfileSummary[];
  targets: Target[];
}): string {
  const { run, throughput, mixed, cross, propagation, memory, profiles, targets } = input;
  const { machine, config } = run;
  const out: string[] = [];
  out.push('## API under load (tooling/load-bench)');
  out.push(
    `Written by \`pnpm --filter @garage/load-bench bench\` (also run by \`pnpm bench\`) on ${run.date.slice(0, 10)} (${run.date}); the run took ${fmt(run.durationS)} s. Edit the benchmark, not the numbers.`,
  );
  out.push(
    [
      `- Machine: ${machine.cores} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}; 1-minute load average ${fmt(run.load.start, 2)} at the start, ${fmt(run.load.end, 2)} at the end (the machine is shared; absolute figures move more than ratios)`,
      `- Node ${machine.node}; PostgreSQL ${machine.postgres} and Redis ${machine.redis}, throwaway servers on 127.0.0.1 started by \`@garage/test-services\` (PostgreSQL with fsync off)`,
      `- Data: ${fmt(run.customers)} customers and ${fmt(run.vehicles)} vehicles (\`seed\` of \`@garage/db\` with 10,000 / 25,000, ${fmt(run.seedSeconds)} s)`,
      `- API: the built \`apps/api/dist/main.js\` (workspace at commit ${machine.commit}), one process per configuration, \`NODE_ENV=development\`, \`LOG_LEVEL=warn\`, its own \`CACHE_NAMESPACE\`, \`CACHE_TIERS\` = \`off\` / \`l2\` / \`l1+l2\`, signed in as staff@garage.test`,
      `- Load: autocannon ${autocannonVersion()} in the bench process on the same machine, ${config.connections} keep-alive connections, no pipelining; latencies are autocannon's per-response times (hrtime, not its 1 ms histogram), percentiles computed over every 2xx response`,
    ].join('\n'),
  );
  out.push('![Requests per second by cache configuration](load-bench.svg)');

  out.push('### Targets');
  out.push(
    table(
      ['Target', 'Measured', 'Met'],
      targets.map((t) => [t.text, t.measured, yes(t.met)]),
    ),
  );

  // 1.
  const off = (key: string) => find(throughput, `${key.split('-')[0]}-off`).rps;
  const ping = find(throughput, 'ping').rps;
  out.push('### 1. Cached reads against cache off, and the ceiling');
  out.push(
    `Each configuration is its own API process. ${config.rounds} round${config.rounds === 1 ? '' : 's'}; each round runs every row in turn (a warm-up, then ${config.seconds} s measured), so drift on the machine spreads over all rows. Figures are medians over the rounds. \`vehicle.list\` is \`{limit: 50}\` (one key); \`vehicle.byId\` cycles over ids 1–${fmt(config.byIdKeys)} across all connections, after a warm-up pass over all of them. The ceiling is \`system.ping\`, a public procedure returning a constant, without a session cookie; "+ session" sends the staff cookie, so the session lookup every signed-in request pays (through the cache, even with \`CACHE_TIERS=off\`) is included. CPU columns are cores used over the run (1.00 = one core all the time; the API can pass 1.00 with V8's GC threads): the API process from /proc, the load generator from \`process.cpuUsage\`; µs / req is the API's CPU time per request served (median over the rounds).`,
  );
  out.push(
    table(
      [
        'Procedure',
        'Configuration',
        'req/s',
        'min – max',
        'p50 ms',
        'p99 ms',
        '× cache off',
        '× bare',
        'API CPU',
        'API CPU µs / req',
        'loader CPU',
        'bytes / response',
        'errors',
      ],
      throughput.map((r) => [
        r.procedure,
        r.label,
        fmt(r.rps),
        `${fmt(Math.min(...r.rounds.map((x) => x.rps)))} – ${fmt(Math.max(...r.rounds.map((x) => x.rps)))}`,
        ms(r.p50),
        ms(r.p99),
        r.procedure === 'system.ping' ? '' : ratio(r.rps / off(r.key)),
        ratio(r.rps / ping),
        fmt(r.apiCpu, 2),
        fmt(median(r.rounds.map((x) => (x.apiCpu / x.rps) * 1e6))),
        fmt(r.loaderCpu, 2),
        fmt(r.bytesPerResponse),
        fmt(r.failed),
      ]),
      ['left', 'left', ...Array<Align>(11).fill('right')],
    ),
  );

  // 2.
  out.push('### 2. Mixed reads and writes');
  out.push(
    `${config.connections} workers in a closed loop for ${fmt(mixed.seconds, 1)} s on one L1+L2 instance: 90 % \`vehicle.byId\`, 10 % \`vehicle.update {id, mileage}\` with a mileage above the last one sent, over ${fmt(mixed.vehicles)} vehicles of ${fmt(mixed.owners)} different owners. Half the operations pick from a hot set of 50 of them, so reads often race writes to the same vehicle. Writes to one vehicle never overlap (the API refuses a lower mileage). A read that began after a write to its vehicle was acknowledged must return at least that mileage; a read that began while the write was in flight may return either. The cache starts warm (one read of each vehicle). Hit ratio: \`cache.stats\` (admin) of \`vehicle.byId\` over the run.`,
  );
  const mixedRow = (label: string, m: MixedResult) => [
    label,
    fmt(m.reads),
    fmt(m.writes),
    fmt(m.rps),
    pct(m.hitRatio),
    `${fmt(m.l1Hits)} / ${fmt(m.l2Hits)} / ${fmt(m.misses)}`,
    `${ms(m.readP50)} / ${ms(m.readP99)}`,
    `${ms(m.writeP50)} / ${ms(m.writeP99)}`,
    ms(m.allP99),
    fmt(m.racingReads),
    fmt(m.staleReads),
    fmt(m.failedReads + m.failedWrites),
  ];
  out.push(
    table(
      [
        'Instances',
        'reads',
        'writes',
        'ops/s',
        'hit ratio',
        'L1 / L2 hits / misses',
        'read p50 / p99 ms',
        'write p50 / p99 ms',
        'p99 ms (all)',
        'reads racing a write',
        'stale reads',
        'errors',
      ],
      [mixedRow('one (target)', mixed), mixedRow('reads on B, writes on A (no target)', cross)],
      [
        'left',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
      ],
    ),
  );
  const staleNotes: string[] = [];
  if (mixed.staleReads > 0) {
    staleNotes.push(
      `Stale reads on one instance (a broken read-your-writes promise): ${mixed.staleExamples.join('; ')}.`,
    );
  } else {
    staleNotes.push(
      `No read that began after an acknowledged write returned an older mileage (${fmt(mixed.reads)} reads, ${fmt(mixed.racingReads)} of them racing a write).`,
    );
  }
  staleNotes.push(
    cross.staleReads > 0
      ? `Across two instances (${fmt(cross.seconds, 1)} s, the same mix, reads on B and writes on A) the design promises only that B drops its L1 within milliseconds through the pub/sub bus, so the second row has no target: ${fmt(cross.staleReads)} read${cross.staleReads === 1 ? '' : 's'} on B began after A acknowledged and still returned the older value, at most ${ms(cross.worstStaleAfterAckMs)} ms after the acknowledgement (e.g. ${cross.staleExamples[0] ?? ''}).`
      : `Across two instances (${fmt(cross.seconds, 1)} s, reads on B and writes on A; no target, as the design promises milliseconds there, not read-your-writes) no read on B returned a value older than a write A had acknowledged.`,
  );
  out.push(staleNotes.join(' '));

  // 3.
  out.push('### 3. A write on instance A, seen on instance B');
  out.push(
    `Two L1+L2 instances on the same PostgreSQL, Redis and \`CACHE_NAMESPACE\`. For each of ${fmt(propagation.samples)} vehicles (different owners): B reads it twice (now in B's L1), A updates its mileage, and from A's acknowledgement B is polled back to back (one request at a time, keep-alive) until it returns the new mileage. "To response" is from the acknowledgement to the end of the first fresh response from B (it includes that request's round trip); "to request start" is to the start of that request.`,
  );
  out.push(
    table(
      ['Figure', 'p50 ms', 'p99 ms', 'max ms'],
      [
        [
          'acknowledged on A → fresh response from B',
          ms(propagation.p50),
          ms(propagation.p99),
          ms(propagation.max),
        ],
        [
          'acknowledged on A → start of that request to B',
          ms(propagation.startP50),
          ms(propagation.startP99),
          '',
        ],
        [
          `A's invalidation sent → B's L1 entry dropped (B's bus-lag histogram, ${fmt(propagation.bus.messages)} messages; mean ${ms(propagation.bus.meanMs)} ms)`,
          `≤ ${ms(propagation.bus.p50AtMostMs)}`,
          `≤ ${ms(propagation.bus.p99AtMostMs)}`,
          '',
        ],
        ['one cached vehicle.byId round trip to B (floor)', ms(propagation.pollRttP50), '', ''],
      ],
      ['left', 'right', 'right', 'right'],
    ),
  );
  out.push(
    `The first poll after the acknowledgement was already fresh in ${fmt(propagation.firstPollFresh)} of ${fmt(propagation.samples)} samples; ${fmt(propagation.stalePolls)} polls in all returned the old value${propagation.unresolved ? `; ${fmt(propagation.unresolved)} samples never saw the new value within 2 s` : ''}. Each update sends two invalidations (its tags, and the \`vehicle.list\` route), each a bus message: the bus-lag histogram times them from A's clock when A sent the script to B's clock once B's L1 had applied it (one machine, one clock), in buckets of 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5 ms and up, so its percentiles are bucket bounds.`,
  );

  // 4.
  out.push('### 4. Memory over many distinct keys');
  out.push(
    `One fresh L1+L2 instance with the default 64 MB L1. Its RSS (VmRSS of /proc/<pid>/status) is sampled every 200 ms, its V8 heap in use (\`nodejs_heap_size_used_bytes\` of its /metrics) and its L1 (\`cache.stats\`) every second, while ${fmt(memory.distinctKeys)} distinct keys go through it over ${config.connections} connections: every vehicle by id, then vehicle.list cursor pages (100 rows) and searches (up to 50 rows), then the cursor pages twice more. ${memory.verdict}.`,
  );
  out.push(
    table(
      [
        'Phase',
        'requests',
        'seconds',
        'RSS at end',
        'RSS peak',
        'V8 heap in use, peak',
        'L1 bytes',
        'L1 entries',
      ],
      [
        [
          'baseline (started, signed in, idle)',
          '',
          '',
          mib(memory.baseline),
          '',
          mib(memory.baselineHeapUsed),
          mib(memory.points[0]?.l1Bytes ?? 0),
          fmt(memory.points[0]?.l1Entries ?? 0),
        ],
        ...memory.phases.map((p) => [
          p.name,
          p.requests ? fmt(p.requests) : '',
          p.requests ? fmt(p.seconds, 1) : '',
          mib(p.rss),
          p.requests ? mib(p.peakRss) : '',
          mib(p.peakHeapUsed),
          mib(p.l1.bytes),
          fmt(p.l1.entries),
        ]),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  out.push(
    `Baseline ${mib(memory.baseline)}, peak ${mib(memory.peak)}, end ${mib(memory.end)}; L1 limit ${mib(memory.l1MaxBytes)}. L1 counts an entry as the heap it keeps (its frozen object tree, its serialized form and its key, as estimated by \`estimateHeapBytes\`); the rest of the peak is the process itself (baseline), garbage not yet collected (V8 lets the heap grow well past what is live before a full collection) and the buffers of requests in flight. Bounded: ${memory.bounded ? 'yes' : '**no**'}.`,
  );

  // Bottlenecks.
  const missed = targets.filter((t) => !t.met);
  out.push('### Where a target is missed');
  if (missed.length === 0) {
    out.push('Every target was met on this run.');
  } else {
    out.push(missed.map((t) => `- ${t.text}: ${t.measured}`).join('\n'));
    const listBoth = find(throughput, 'list-l1l2');
    const pingRow = find(throughput, 'ping');
    out.push(
      `During the measured runs the API process used ${fmt(listBoth.apiCpu, 2)} cores for \`vehicle.list\` L1+L2 and ${fmt(pingRow.apiCpu, 2)} for the bare procedure (Node runs JavaScript on one core), and the load generator ${fmt(listBoth.loaderCpu, 2)} and ${fmt(pingRow.loaderCpu, 2)}, on ${machine.cores} cores shared with PostgreSQL and Redis.`,
    );
    const cpuPer = (key: string) => {
      const r = find(throughput, key);
      return median(r.rounds.map((x) => (x.apiCpu / x.rps) * 1e6));
    };
    const ratioTarget = targets[0];
    if (ratioTarget && !ratioTarget.met) {
      out.push(
        `Against cache off: a \`vehicle.list\` request costs the API ${fmt(cpuPer('list-off'))} µs of CPU with the cache off (PostgreSQL round trip, Prisma, response serialization) and still ${fmt(cpuPer('list-l1l2'))} µs on an L1 hit, where the bare procedure costs ${fmt(cpuPer('ping'))} µs. 20× would need an L1 hit at ${fmt(cpuPer('list-off') / 20)} µs or less${cpuPer('ping') > cpuPer('list-off') / 20 ? `, less than the bare procedure itself costs: no cache can reach 20× on this stack, where a signed-in tRPC request over HTTP costs ${fmt(cpuPer('ping-session'))} µs before the procedure runs and a cache-off read only ${fmt(cpuPer('list-off') / cpuPer('ping-session'), 1)} times that` : ''}. What remains of a hit is the per-response work below, not the cache lookup.`,
      );
    }
    const propagationTarget = targets[3];
    if (propagationTarget && !propagationTarget.met) {
      out.push(
        propagation.firstPollFresh === propagation.samples
          ? `Propagation: in all ${fmt(propagation.samples)} samples the first request B received after A's acknowledgement already returned the new value (the invalidation reached B over pub/sub before A's HTTP answer reached the client), so the measured ${ms(propagation.p99)} ms p99 is B's own response time for that first request, an L1 miss loaded from PostgreSQL (a Redis READ that also takes the fill lease, the query, a Redis STORE that gives it back: three round trips on this machine, where a cached read took ${ms(propagation.pollRttP50)} ms p50 from the same client), not the bus: B's bus-lag histogram puts A's invalidations in B's L1 within ${ms(propagation.bus.p99AtMostMs)} ms p99 of A sending them; the lower bound, to the start of that request, is ${ms(propagation.startP99)} ms p99.`
          : `Propagation: ${fmt(propagation.samples - propagation.firstPollFresh)} of ${fmt(propagation.samples)} samples needed more than one poll of B (${fmt(propagation.stalePolls)} stale polls in all): B had not yet dropped its L1 entry when A's acknowledgement arrived; to the start of the first fresh request: ${ms(propagation.startP99)} ms p99.`,
      );
    }
    if (profiles.length > 0) {
      const [list, bare] = profiles;
      out.push(
        `CPU profiles (\`node --cpu-prof\`, ${config.profileSeconds} s of the same load on a fresh instance each, samples outside the measured window left out) split the API's busy time by where the code comes from (bundled workspace code mapped back through \`dist/main.js.map\`). Busy µs per request is the area's share of the sampled busy time divided by the requests served under the profiler; the sampler counts wall time while the thread is busy, so on a crowded machine these µs include time the thread waited for a core (shares are the figure to compare).`,
      );
      if (list && bare) {
        const a = perRequest(list, config.profileSeconds);
        const b = perRequest(bare, config.profileSeconds);
        const names = [...new Set([...a.keys(), ...b.keys()])];
        names.sort(
          (x, y) => (a.get(y) ?? 0) - (b.get(y) ?? 0) - ((a.get(x) ?? 0) - (b.get(x) ?? 0)),
        );
        out.push(
          table(
            [
              'Area (self time)',
              `${list.label}: share`,
              'busy µs / request',
              `${bare.label}: share`,
              'busy µs / request',
              'difference µs',
            ],
            names.map((name) => [
              name,
              pct(list.areas.find((x) => x.name === name)?.share ?? 0),
              fmt(a.get(name) ?? 0, 1),
              pct(bare.areas.find((x) => x.name === name)?.share ?? 0),
              fmt(b.get(name) ?? 0, 1),
              fmt((a.get(name) ?? 0) - (b.get(name) ?? 0), 1),
            ]),
            ['left', 'right', 'right', 'right', 'right', 'right'],
          ),
        );
        const [widest] = names;
        if (widest) {
          const listBytes = fmt(find(throughput, 'list-l1l2').bytesPerResponse);
          const pingBytes = fmt(find(throughput, 'ping').bytesPerResponse);
          const why =
            widest === '@trpc/server'
              ? ` tRPC's pipeline copies the call options and the context for each middleware (\`_objectSpread2\`), and a staff query passes five (errors, signed in, role, cache, input) where the bare procedure passes one. Responses are ${listBytes} bytes here against ${pingBytes}. A GET whose calls are all fresh L1 hits is answered before tRPC runs (apps/api/src/answer-from-cache.ts), so tRPC's share here is the requests that were not.`
              : '';
          out.push(
            `The largest extra cost per request of ${list.label} over ${bare.label} is ${widest} (${fmt((a.get(widest) ?? 0) - (b.get(widest) ?? 0), 1)} busy µs more per request, ${pct(list.areas.find((x) => x.name === widest)?.share ?? 0)} of the busy time).${why}`,
          );
        }
        out.push(
          `Under the profiler: ${fmt(list.rps)} req/s for ${list.label}, ${fmt(bare.rps)} req/s for ${bare.label}. Top functions by self time for ${list.label}:`,
        );
        out.push(
          table(
            ['Function', 'share of busy time'],
            list.functions.map((f) => [f.name.replace(/\|/g, '/'), pct(f.share)]),
            ['left', 'right'],
          ),
        );
      }
    }
  }
  return out.join('\n\n');
}
