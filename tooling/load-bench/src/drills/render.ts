import { fmt, pct } from '../format';
import { type Align, table } from '../markdown';
import type { RunHeader } from '../setup';
import type { CacheWindow } from './cache-sampler';
import { isOk, type Outcome, type Phase } from './phases';
import { outagePhases, type PostgresOutageResult } from './postgres-outage';
import type { ServedCheck } from './read-back';
import type { RedisCutResult } from './redis-cut';
import type { RedisRestartResult } from './redis-restart';

export interface DrillRun extends RunHeader {
  config: {
    workers: number;
    ratePerSecond: number;
    timeoutMs: number;
    writeSet: number;
  };
}

export interface DrillResults {
  cut: RedisCutResult;
  restart: RedisRestartResult;
  postgres: PostgresOutageResult;
}

export interface Target {
  text: string;
  measured: string;
  met: boolean;
}

const ms = (n: number) => fmt(n, 1);
const secs = (milliseconds: number) =>
  Number.isFinite(milliseconds) ? `${fmt(milliseconds / 1000, 2)} s` : 'never';
const yes = (met: boolean) => (met ? 'yes' : '**no**');
const right = (n: number): Align[] => Array<Align>(n).fill('right');

const allowedDuringOutage = (outcome: Outcome) => outcome === '200' || outcome === '503';

/** Requests of the PostgreSQL drill that failed: outside the outage anything but a 2xx. */
function postgresFailures(result: PostgresOutageResult) {
  let outside = 0;
  let during = 0;
  for (const p of result.phases) {
    if (outagePhases.includes(p.name)) during += p.failed(allowedDuringOutage);
    else outside += p.failed();
  }
  return { outside, during };
}

const total = (phases: Phase[], pick: (p: Phase) => number) =>
  phases.reduce((sum, p) => sum + pick(p), 0);

function outcomesText(outcomes: Map<Outcome, number>): string {
  return [...outcomes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, n]) => `${fmt(n)} × ${outcome}`)
    .join(', ');
}

/** The cache's per-operation Redis timeout (its default, which the API keeps), doubled. */
const p99BoundMs = 2 * 250;

export function targetsOf({ cut, restart, postgres }: DrillResults): Target[] {
  const cutRequests = total(cut.phases, (p) => p.requests);
  const cutFailed = total(cut.phases, (p) => p.failed());
  const cutLive = total(cut.phases, (p) => p.staleReads);
  const restartRequests = total(restart.phases, (p) => p.requests);
  const restartFailed = total(restart.phases, (p) => p.failed());
  const pg = postgresFailures(postgres);
  const timeouts = postgres.outageOutcomes.get('timeout') ?? 0;
  const { compared } = restart;
  const window = `${compared.from}–${compared.to}`;
  const worstCut = cut.phases
    .map((phase) => ({ name: phase.name, p99: phase.percentile(99) }))
    .sort((a, b) => b.p99 - a.p99)[0];
  const refilled = (ratio: 'hitRatio' | 'l1Ratio') =>
    (compared.restart?.[ratio] ?? 0) >= 0.9 * (compared.cold?.[ratio] ?? Number.POSITIVE_INFINITY);
  return [
    {
      text: 'Redis cut: failed requests = 0',
      measured: `${fmt(cutFailed)} of ${fmt(cutRequests)}`,
      met: cutFailed === 0 && cutRequests > 0,
    },
    {
      text: 'Redis cut: stale reads = 0 (under load; read back on the instance and on a fresh one)',
      measured: `${fmt(cutLive)}; ${fmt(cut.survivor.stale)} and ${fmt(cut.fresh.stale)} of ${fmt(cut.fresh.vehicles)} vehicles`,
      met:
        cutLive === 0 &&
        cut.survivor.stale === 0 &&
        cut.fresh.stale === 0 &&
        cut.fresh.unreadable === 0 &&
        cut.fresh.vehicles > 0,
    },
    {
      text: `Redis cut: p99 bounded in every phase (≤ ${fmt(p99BoundMs)} ms, twice the cache's Redis timeout)`,
      measured: `worst: ${ms(worstCut?.p99 ?? Number.NaN)} ms (${worstCut?.name ?? 'n/a'})`,
      met: worstCut !== undefined && worstCut.p99 <= p99BoundMs,
    },
    {
      text: 'Redis cut: cache mode "redis" again after each restoration',
      measured: `after the blackhole ${secs(cut.backToRedisMs.blackhole)}, after the reset ${secs(cut.backToRedisMs.reset)}`,
      met: Number.isFinite(cut.backToRedisMs.blackhole) && Number.isFinite(cut.backToRedisMs.reset),
    },
    {
      text: 'Redis restarted empty: failed requests = 0',
      measured: `${fmt(restartFailed)} of ${fmt(restartRequests)}`,
      met: restartFailed === 0 && restartRequests > 0,
    },
    {
      text: `Redis restarted empty: the hit ratio ${window} s after the restart ≥ 90 % of the same window after a cold start`,
      measured: `${pct(compared.restart?.hitRatio ?? Number.NaN)} against ${pct(compared.cold?.hitRatio ?? Number.NaN)}`,
      met: refilled('hitRatio'),
    },
    {
      text: `Redis restarted empty: the L1 share ${window} s after the restart ≥ 90 % of the same window after a cold start`,
      measured: `${pct(compared.restart?.l1Ratio ?? Number.NaN)} against ${pct(compared.cold?.l1Ratio ?? Number.NaN)}`,
      met: refilled('l1Ratio'),
    },
    {
      text: 'PostgreSQL down: every answer a 200 (cached) or a 503 with the clear message',
      measured: outcomesText(postgres.outageOutcomes),
      met: pg.during === 0,
    },
    {
      text: 'PostgreSQL down: no hang (no answer later than the client timeout)',
      measured: `${fmt(timeouts)} timeouts; 503s p99 ${ms(postgres.unavailable.p99)} ms, max ${ms(postgres.unavailable.max)} ms`,
      met: timeouts === 0,
    },
    {
      text: 'PostgreSQL back: writes succeed again without an API restart',
      measured: `first acknowledged write ${secs(postgres.firstWriteFromUpMs)} after it accepted queries`,
      met: Number.isFinite(postgres.firstWriteFromUpMs),
    },
    {
      text: 'PostgreSQL: failed requests before and after the outage = 0',
      measured: fmt(pg.outside),
      met: pg.outside === 0,
    },
    {
      text: 'PostgreSQL: no acknowledged write lost, none half-applied',
      measured: `${fmt(postgres.check.lost)} lost, ${fmt(postgres.check.halfApplied)} half-applied, of ${fmt(postgres.check.vehicles)} vehicles written`,
      met:
        postgres.check.lost === 0 &&
        postgres.check.halfApplied === 0 &&
        postgres.check.vehicles > 0,
    },
    {
      text: 'No stale read under load in any drill',
      measured: `${fmt(cutLive)} / ${fmt(restart.staleReads)} / ${fmt(postgres.staleReads)}`,
      met: cutLive === 0 && restart.staleReads === 0 && postgres.staleReads === 0,
    },
  ];
}

function phaseTable(phases: Phase[], windows: (CacheWindow | undefined)[]): string {
  return table(
    [
      'Phase',
      'seconds',
      'requests',
      'reads / writes',
      'failed',
      'p50 ms',
      'p99 ms',
      'max ms',
      'stale reads',
      'lookups counted',
      'hit ratio',
      'L1 share',
      'L2 hits',
    ],
    phases.map((p, i) => {
      const w = windows[i];
      return [
        p.name,
        fmt(p.seconds, 1),
        fmt(p.requests),
        `${fmt(p.reads)} / ${fmt(p.writes)}`,
        fmt(p.failed()),
        ms(p.percentile(50)),
        ms(p.percentile(99)),
        ms(p.percentile(100)),
        fmt(p.staleReads),
        fmt(w ? w.l1Hits + w.l2Hits + w.misses : 0),
        pct(w?.hitRatio ?? Number.NaN),
        pct(w?.l1Ratio ?? Number.NaN),
        fmt(w?.l2Hits ?? 0),
      ];
    }),
    ['left', ...right(12)],
  );
}

/**
 * Phases where `cache.stats` counted under 80 % of the vehicle.byId reads the load sent (more
 * than the one-second misalignment of the windows explains): their hit ratio covers only what
 * was counted.
 */
function uncounted(phases: Phase[], windows: (CacheWindow | undefined)[]): string | undefined {
  const short = phases.flatMap((p, i) => {
    const w = windows[i];
    const lookups = w ? w.l1Hits + w.l2Hits + w.misses : Number.NaN;
    return lookups < 0.8 * p.reads ? [`"${p.name}" ${fmt(lookups)} for ${fmt(p.reads)} reads`] : [];
  });
  if (short.length === 0) return undefined;
  return `\`cache.stats\` counted fewer lookups than the load sent reads in ${short.join(', ')}: a read that goes past L1 while Redis cannot be used is loaded without being counted as a hit or a miss, so the hit ratio of ${short.length === 1 ? 'that phase' : 'those phases'} covers only the L1 hits.`;
}

function readBackRow(label: string, check: ServedCheck): string[] {
  return [
    label,
    fmt(check.vehicles),
    fmt(check.stale),
    fmt(check.behindDatabase),
    fmt(check.unreadable),
  ];
}

function apiLogText(drill: string, log: Map<string, number>): string {
  if (log.size === 0) return `${drill}: no warning or error.`;
  const lines = [...log]
    .sort(([, a], [, b]) => b - a)
    .map(([message, n]) => `${fmt(n)} × \`${message.replace(/`/g, "'")}\``);
  return `${drill}: ${lines.join('; ')}.`;
}

function failureNotes(phases: Phase[], allowed?: (outcome: Outcome) => boolean): string[] {
  return phases
    .filter((p) => p.failed(allowed) > 0)
    .map(
      (p) =>
        `"${p.name}": ${outcomesText(new Map([...p.outcomes].filter(([o]) => !(allowed ?? isOk)(o))))}${p.messages.size ? ` (${[...p.messages].map((m) => `"${m}"`).join('; ')})` : ''}`,
    );
}

export function renderSection(run: DrillRun, results: DrillResults, targets: Target[]): string {
  const { cut, restart, postgres } = results;
  const { machine, config } = run;
  const out: string[] = [];
  out.push('## Fault drills under load (tooling/load-bench, long versions)');
  out.push(
    `Written by \`pnpm --filter @garage/load-bench bench:drills\` (also run by \`pnpm bench\`) on ${run.date.slice(0, 10)} (${run.date}); the run took ${fmt(run.durationS)} s. The short versions of these drills run in \`pnpm test\` (\`apps/api/test/drills.test.ts\`). Edit the benchmark, not the numbers.`,
  );
  out.push(
    [
      `- Machine: ${machine.cores} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}; 1-minute load average ${fmt(run.load.start, 2)} at the start, ${fmt(run.load.end, 2)} at the end (the machine is shared; latencies move with it)`,
      `- Node ${machine.node}; PostgreSQL ${machine.postgres} and Redis ${machine.redis}, throwaway servers on 127.0.0.1 started by \`@garage/test-services\` (PostgreSQL with fsync off), stopped and started by the drills`,
      `- Data: ${fmt(run.customers)} customers and ${fmt(run.vehicles)} vehicles (\`seed\` of \`@garage/db\`, ${fmt(run.seedSeconds)} s)`,
      `- API: the built \`apps/api/dist/main.js\` (workspace at commit ${machine.commit}), one process per drill, L1+L2, \`NODE_ENV=development\`, \`LOG_LEVEL=warn\`, its own \`CACHE_NAMESPACE\`, signed in as staff@garage.test`,
      `- Load: ${config.workers} workers in the bench process, paced to ${fmt(config.ratePerSecond)} requests/s in all (a fixed offered load, so that latency shows the fault, not a saturated machine), keep-alive connections, after one read of every vehicle (the cache starts warm; drill 2 starts cold). 10 % \`vehicle.update {id, mileage, notes}\` with a mileage above the last one sent, over ${fmt(config.writeSet)} vehicles of different owners (another set per drill; writes to one vehicle never overlap); 90 % \`vehicle.byId\`, half on those vehicles, half over all of them. A request not answered within ${fmt(config.timeoutMs / 1000)} s is a failure (a hang); so is any answer but a 2xx, except where a drill allows a 503. A read that began after a write of its vehicle was acknowledged and returned a lower mileage is a stale read. Each request counts in the phase in which its answer (or its timeout) came; latencies run from sending to the end of the response.`,
    ].join('\n'),
  );

  out.push('### Targets');
  out.push(
    table(
      ['Target', 'Measured', 'Met'],
      targets.map((t) => [t.text, t.measured, yes(t.met)]),
    ),
  );

  // 1.
  out.push('### 1. Redis cut through a TCP proxy');
  out.push(
    `The API's \`REDIS_URL\` points at a TCP proxy in the bench process (\`startTcpProxy\`). "blackhole": open connections stay open and forward nothing, new ones are accepted and held (a hung Redis), ${fmt(cut.seconds.blackhole)} s; "reset": every connection is destroyed and new ones are closed at once (Redis gone), ${fmt(cut.seconds.reset)} s. Each restoration drops the held connections, so the clients reconnect. "Back to redis" is from the restoration to the first \`/readyz\` answer (polled every 50 ms) saying \`"cache":"redis"\` (Redis answers and no invalidation is still queued).`,
  );
  out.push(phaseTable(cut.phases, cut.perPhase));
  const hung = cut.phases.find((p) => p.name === 'blackhole');
  const gone = cut.phases.find((p) => p.name === 'reset');
  if (hung && gone) {
    out.push(
      `p99 while Redis hangs (blackhole): ${ms(hung.percentile(99))} ms; while it refuses connections (reset): ${ms(gone.percentile(99))} ms. A request that waits on a hung Redis waits for the cache's Redis timeout (250 ms by default) before it goes on without it; once the circuit is open that happens only around its probes (one a second). A refused connection fails at once.`,
    );
  }
  const cutUncounted = uncounted(cut.phases, cut.perPhase);
  if (cutUncounted) out.push(cutUncounted);
  out.push(
    `Back to redis: ${secs(cut.backToRedisMs.blackhole)} after the blackhole, ${secs(cut.backToRedisMs.reset)} after the reset. ${fmt(cut.vehiclesWritten)} vehicles were written during the drill, ${fmt(cut.vehiclesWrittenDuringCuts)} of them during the cuts (${fmt(cut.acknowledgedDuringCuts)} writes acknowledged during the cuts). After the load stopped each of them was read back through the instance that lived through the cuts, then through a fresh instance on the same namespace, straight on Redis (its L1 empty: what it serves comes from Redis or PostgreSQL), and compared with the last acknowledged mileage (stale) and with PostgreSQL (behind).`,
  );
  out.push(
    table(
      ['Read back through', 'vehicles', 'stale', 'behind the database', 'not a 200'],
      [
        readBackRow('the instance that lived through the cuts', cut.survivor),
        readBackRow('a fresh instance', cut.fresh),
      ],
      ['left', ...right(4)],
    ),
  );
  const cutNotes = [
    ...failureNotes(cut.phases),
    ...cut.staleExamples,
    ...cut.survivor.examples,
    ...cut.fresh.examples,
  ];
  if (cutNotes.length > 0) out.push(cutNotes.map((n) => `- ${n}`).join('\n'));

  // 2.
  out.push('### 2. Redis restarted empty');
  out.push(
    `The API talks to Redis directly. This drill's load starts on an empty cache (no warm-up: a cold start); after ${fmt(restart.seconds.before)} s Redis is killed (SIGKILL, persistence off), stays down ${fmt(restart.seconds.down)} s, and starts again on the same port with nothing in it, so the same load meets an empty cache a second time. Hit ratio: \`vehicle.byId\`'s (L1 hits + L2 hits) / lookups from the admin \`cache.stats\`, read once a second, between the readings nearest each window's ends; "L1 share": L1 hits / lookups. With one instance L1 keeps what Redis keeps (the same TTLs; the 64 MB L1 is far from full), so an L2 hit is a value that L1 did not keep. "lookups counted" is hits + misses in \`cache.stats\`, beside the \`vehicle.byId\` reads the load sent (the windows differ by up to a second at each end).`,
  );
  out.push(
    table(
      [
        'Phase',
        'seconds',
        'requests',
        'failed',
        'p50 ms',
        'p99 ms',
        'max ms',
        'stale reads',
        'byId reads sent',
        'lookups counted',
        'hit ratio',
        'L1 share',
        'L2 hits',
      ],
      restart.phases.map((p, i) => {
        const w = restart.perPhase[i];
        return [
          p.name,
          fmt(p.seconds, 1),
          fmt(p.requests),
          fmt(p.failed()),
          ms(p.percentile(50)),
          ms(p.percentile(99)),
          ms(p.percentile(100)),
          fmt(p.staleReads),
          fmt(p.reads),
          fmt(w ? w.l1Hits + w.l2Hits + w.misses : 0),
          pct(w?.hitRatio ?? Number.NaN),
          pct(w?.l1Ratio ?? Number.NaN),
          fmt(w?.l2Hits ?? 0),
        ];
      }),
      ['left', ...right(12)],
    ),
  );
  const restartUncounted = uncounted(restart.phases, restart.perPhase);
  if (restartUncounted) out.push(restartUncounted);
  out.push(
    `After the restart \`/readyz\` said redis ${secs(restart.backToRedisMs)} later, and Redis held entries of the namespace again from the reading ${secs(restart.firstKeysMs)} after. The cache filling again, in five-second windows from the cold start and from the restart:`,
  );
  out.push(
    table(
      [
        'seconds from the start',
        'cold start: hit ratio',
        'L1 share',
        'after the restart: hit ratio',
        'L1 share',
        'L2 hits',
        'misses',
      ],
      restart.refill.map((r) => [
        `${r.from} – ${r.to}`,
        pct(r.cold?.hitRatio ?? Number.NaN),
        pct(r.cold?.l1Ratio ?? Number.NaN),
        pct(r.restart?.hitRatio ?? Number.NaN),
        pct(r.restart?.l1Ratio ?? Number.NaN),
        fmt(r.restart?.l2Hits ?? Number.NaN),
        fmt(r.restart?.misses ?? Number.NaN),
      ]),
      ['left', ...right(6)],
    ),
  );
  const restartNotes = [...failureNotes(restart.phases), ...restart.staleExamples];
  if (restartNotes.length > 0) out.push(restartNotes.map((n) => `- ${n}`).join('\n'));

  // 3.
  out.push('### 3. PostgreSQL stopped and restarted');
  out.push(
    `The API talks to PostgreSQL and Redis directly. PostgreSQL is stopped with \`pg_ctl stop -m fast\` (its sessions are terminated; the stop took ${secs(postgres.stopMs)}), stays down ${fmt(postgres.seconds.outage)} s from the stop, and starts again on the same port with the same data (until it accepted a query: ${secs(postgres.startMs)}). While it is down or starting, a 200 (served from the cache) or a 503 with the message "the database is unavailable; try again in a moment" is expected; anything else, or no answer within the client timeout, is a failure. Writes set \`notes\` to "drill write <mileage>" with the mileage, so a row whose two fields disagree was half-applied.`,
  );
  out.push(
    table(
      [
        'Phase',
        'seconds',
        'requests',
        '200',
        '503 (clear)',
        'other',
        'p50 / p99 ms of 200s',
        'p50 / p99 ms of 503s',
        'max ms',
        'stale reads',
      ],
      postgres.phases.map((p) => [
        p.name,
        fmt(p.seconds, 1),
        fmt(p.requests),
        fmt(p.count('200')),
        fmt(p.count('503')),
        fmt(p.requests - p.count('200') - p.count('503')),
        `${ms(p.percentile(50, ['200']))} / ${ms(p.percentile(99, ['200']))}`,
        p.count('503') ? `${ms(p.percentile(50, ['503']))} / ${ms(p.percentile(99, ['503']))}` : '',
        ms(p.percentile(100)),
        fmt(p.staleReads),
      ]),
      ['left', ...right(9)],
    ),
  );
  out.push(
    table(
      ['Figure', 'Measured'],
      [
        ['stop → first 503', secs(postgres.firstUnavailableMs)],
        [
          '503s while down or starting: count, p50 / p99 / max',
          `${fmt(postgres.unavailable.count)}, ${ms(postgres.unavailable.p50)} / ${ms(postgres.unavailable.p99)} / ${ms(postgres.unavailable.max)} ms`,
        ],
        ['accepting queries again → `/readyz` says the database is up', secs(postgres.readyMs)],
        ['restart command → first acknowledged write', secs(postgres.firstWriteFromRestartMs)],
        ['accepting queries again → first acknowledged write', secs(postgres.firstWriteFromUpMs)],
        [
          'writes: acknowledged / 503 / other',
          `${fmt(postgres.writes.acknowledged)} / ${fmt(postgres.writes.unavailable)} / ${fmt(postgres.writes.other)}`,
        ],
        [
          'vehicles written, read back from PostgreSQL: lost / half-applied',
          `${fmt(postgres.check.vehicles)}: ${fmt(postgres.check.lost)} / ${fmt(postgres.check.halfApplied)}`,
        ],
        [
          'rows holding a write that was not acknowledged (answered with an error, applied anyway)',
          postgres.check.appliedUnacknowledged.size
            ? outcomesText(postgres.check.appliedUnacknowledged)
            : '0',
        ],
        [
          'after the recovery, the API serves: stale / behind the database / not a 200',
          `${fmt(postgres.served.stale)} / ${fmt(postgres.served.behindDatabase)} / ${fmt(postgres.served.unreadable)} of ${fmt(postgres.served.vehicles)}`,
        ],
      ],
      ['left', 'right'],
    ),
  );
  const pgNotes = [
    ...failureNotes(
      postgres.phases.filter((p) => outagePhases.includes(p.name)),
      allowedDuringOutage,
    ),
    ...failureNotes(postgres.phases.filter((p) => !outagePhases.includes(p.name))),
    ...postgres.staleExamples,
    ...postgres.check.examples,
    ...postgres.served.examples,
  ];
  if (pgNotes.length > 0) out.push(pgNotes.map((n) => `- ${n}`).join('\n'));
  out.push('### Where a target is missed');
  const missed = targets.filter((t) => !t.met);
  if (missed.length === 0) out.push('Every target was met on this run.');
  else out.push(missed.map((t) => `- ${t.text}: ${t.measured}`).join('\n'));
  const { cold, restart: refilled } = restart.compared;
  if (cold && refilled && refilled.l1Ratio < 0.9 * cold.l1Ratio && refilled.l2Hits > cold.l2Hits) {
    out.push(
      `L1 after the Redis restart: in the ${restart.compared.from}–${restart.compared.to} s after it, Redis served ${fmt(refilled.l2Hits)} values that L1 then did not keep (after the cold start: ${fmt(cold.l2Hits)}), and they fade out later (table above). L1 takes an entry only when no invalidation of its route or tags is newer than the entry's sequence number (\`InvalidationLog.isValid\` in \`packages/cache/src/invalidation-log.ts\`); those numbers come from the namespace's counter in Redis, which starts again from nothing when Redis comes back empty, while the API's log still holds the higher numbers from before. So the vehicles written before the restart (and their owners' other vehicles) stay out of L1 until the new counter passes the old numbers, and what Redis stored for them before that stays out until it expires.`,
    );
  }

  out.push('### What the API logged');
  out.push(
    "Warnings and errors each drill's API process wrote (pino at `LOG_LEVEL=warn`, and Node's own warnings on stderr), counted by message.",
  );
  out.push(
    [
      apiLogText('Redis cut', cut.apiLog),
      apiLogText('Redis restarted', restart.apiLog),
      apiLogText('PostgreSQL stopped', postgres.apiLog),
    ]
      .map((text) => `- ${text}`)
      .join('\n'),
  );
  return out.join('\n\n');
}
