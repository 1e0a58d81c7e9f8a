import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { formatMicros, formatOps, formatRatio, markdownTable, median } from './report';
import type { InvalidationResult, RunInfo, ScenarioResult } from './types';

export const OURS = '@garage/cache';
const BENTO = 'BentoCache (superjson)';
const BENTO_JSON = 'BentoCache (JSON, its default)';
const FLOOR = 'raw GET + superjson.parse (floor)';

function versionOf(dependency: string): string {
  try {
    const url = new URL(`../node_modules/${dependency}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function find(results: ScenarioResult[], scenario: string, payload: string, lib: string) {
  return results.find((r) => r.scenario === scenario && r.payload === payload && r.lib === lib);
}

/**
 * Our ops/s over `lib`'s, as the median of the per-round ratios: each round runs the libraries
 * of one scenario back to back, so a ratio within a round is less exposed to the machine's load
 * drifting between rounds than a ratio of two medians.
 */
function ratioOf(results: ScenarioResult[], scenario: string, payload: string, lib: string) {
  const mine = find(results, scenario, payload, OURS)?.opsPerRound ?? [];
  const theirs = find(results, scenario, payload, lib)?.opsPerRound ?? [];
  const ratios = mine.flatMap((ops, round) => {
    const other = theirs[round];
    return other ? [ops / other] : [];
  });
  return median(ratios);
}

function byName(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, n]) => `${name.toUpperCase().replace(' (LUA)', ' (Lua)')} ×${n}`)
    .join(', ');
}

/** The whole "Cache engine" section, Markdown, between (not including) the markers. */
export function renderSection(
  info: RunInfo,
  results: ScenarioResult[],
  invalidations: InvalidationResult[],
): string {
  const cpu = cpus();
  const out: string[] = [];
  out.push('## Cache engine (packages/cache/bench)');
  out.push(
    `Written by \`pnpm --filter @garage/cache-bench bench\` (also run by \`pnpm bench\`) on ${info.date.slice(0, 10)} (${info.date}). Medians of ${info.rounds} rounds; the run took ${Math.round(info.durationS)} s.`,
  );
  out.push(
    [
      `- Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}; 1-minute load average ${info.load.start.toFixed(2)} at the start, ${info.load.end.toFixed(2)} at the end (other work on the machine inflates absolute figures more than ratios)`,
      `- Node ${process.version}; Redis ${info.redisVersion} at ${info.redisTarget} (the same server for every library)`,
      `- Libraries: @garage/cache (workspace, ioredis ${versionOf('ioredis6')}), bentocache ${versionOf('bentocache')} (ioredis ${versionOf('ioredis5')}), cache-manager ${versionOf('cache-manager')} + keyv ${versionOf('keyv')} + @keyv/redis ${versionOf('@keyv/redis')}, superjson ${versionOf('superjson')}, tinybench ${versionOf('tinybench')}`,
    ].join('\n'),
  );

  // Targets.
  const l1 = (payload: string, lib: string) => ratioOf(results, 'L1 hit', payload, lib);
  const l2Latency = (payload: string) => 1 / ratioOf(results, 'L2 hit', payload, FLOOR);
  const ourTrips = invalidations.filter((r) => r.lib === OURS);
  const tripsFlat = new Set(ourTrips.map((r) => r.roundTrips)).size === 1;
  const targets: { text: string; measured: string; met: boolean }[] = [
    {
      text: 'L1 hit, 50-row page: ours ≥ 10× BentoCache',
      measured: `${formatRatio(l1('page', BENTO))} (vs its JSON default: ${formatRatio(l1('page', BENTO_JSON))})`,
      met: l1('page', BENTO) >= 10,
    },
    {
      text: 'L1 hit, one row: ours ≥ 1× BentoCache',
      measured: `${formatRatio(l1('row', BENTO))} (vs its JSON default: ${formatRatio(l1('row', BENTO_JSON))})`,
      met: l1('row', BENTO) >= 1,
    },
    {
      text: 'L2 hit, one row: latency ≤ 1.2× raw GET + decode',
      measured: `${formatRatio(l2Latency('row'))} the floor's latency`,
      met: l2Latency('row') <= 1.2,
    },
    {
      text: 'L2 hit, 50-row page: latency ≤ 1.2× raw GET + decode',
      measured: `${formatRatio(l2Latency('page'))} the floor's latency`,
      met: l2Latency('page') <= 1.2,
    },
    {
      text: 'Tag invalidation: round trips independent of entry count',
      measured: ourTrips
        .map((r) => `${r.roundTrips} at ${r.entries.toLocaleString('en-US')}`)
        .join(', '),
      met: tripsFlat,
    },
  ];
  out.push('### Targets');
  out.push(
    markdownTable(
      ['Target', 'Measured', 'Met'],
      ['left', 'left', 'left'],
      targets.map((t) => [t.text, t.measured, t.met ? 'yes' : '**no**']),
    ),
  );

  // Results.
  out.push(`### Throughput (median of ${info.rounds} rounds)`);
  out.push(
    '"ours ÷ this" is our ops/s over that row\'s, the median of the per-round ratios (each round runs the libraries of one scenario back to back): above 1 we are faster. µs/op is 10⁶ ÷ the median ops/s.',
  );
  const rows = results.map((r) => {
    const ops = median(r.opsPerRound);
    const ratio = ratioOf(results, r.scenario, r.payload, r.lib);
    return [
      r.scenario,
      r.payload === 'row' ? 'one row' : '50-row page',
      r.lib === OURS ? `**${r.lib}**` : r.lib,
      formatOps(ops),
      formatMicros(1e6 / ops),
      `${formatOps(Math.min(...r.opsPerRound))} – ${formatOps(Math.max(...r.opsPerRound))}`,
      r.lib === OURS ? '' : formatRatio(ratio),
    ];
  });
  out.push(
    markdownTable(
      ['Scenario', 'Payload', 'Library', 'ops/s', 'µs/op', 'ops/s min – max', 'ours ÷ this'],
      ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
      rows,
    ),
  );

  // Invalidation.
  out.push('### Tag invalidation');
  out.push(
    'One `invalidateTags([tag])` (ours) / `deleteByTag({ tags: [tag] })` (BentoCache) over N live entries carrying the tag, in L1 and Redis. cache-manager has no tags: n/a.',
  );
  const invalidationRows = invalidations.map((r) => [
    r.lib === OURS ? `**${r.lib}**` : r.lib,
    r.entries.toLocaleString('en-US'),
    median(r.msSamples).toFixed(3),
    `${Math.min(...r.msSamples).toFixed(3)} – ${Math.max(...r.msSamples).toFixed(3)}`,
    String(r.roundTrips),
    String(r.serverCommands),
    byName(r.byName),
    r.staleAfter ? '**stale served**' : 'reloaded',
  ]);
  for (const entries of [...new Set(invalidations.map((r) => r.entries))]) {
    invalidationRows.push([
      'cache-manager (superjson)',
      entries.toLocaleString('en-US'),
      'n/a',
      'n/a',
      'n/a',
      'n/a',
      'no tag support',
      'n/a',
    ]);
  }
  out.push(
    markdownTable(
      [
        'Library',
        'Entries',
        'ms (median)',
        'ms min – max',
        'Round trips',
        'Redis commands',
        'Commands',
        'Entry after',
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
      invalidationRows,
    ),
  );

  // Behind.
  const behind: string[] = [];
  for (const r of results) {
    if (r.lib === OURS || r.lib.startsWith('raw GET')) continue;
    const ratio = ratioOf(results, r.scenario, r.payload, r.lib);
    if (ratio < 1) {
      behind.push(
        `${r.scenario}, ${r.payload === 'row' ? 'one row' : '50-row page'}: ${formatRatio(ratio)} ${r.lib}`,
      );
    }
  }
  for (const entries of [...new Set(invalidations.map((r) => r.entries))]) {
    const mine = invalidations.find((r) => r.lib === OURS && r.entries === entries);
    const theirs = invalidations.find((r) => r.lib === BENTO && r.entries === entries);
    if (mine && theirs && median(mine.msSamples) > median(theirs.msSamples)) {
      behind.push(
        `tag invalidation over ${entries.toLocaleString('en-US')} entries: ${median(mine.msSamples).toFixed(3)} ms vs BentoCache's ${median(theirs.msSamples).toFixed(3)} ms (ours deletes the matching L1 entries at once; BentoCache checks tags lazily on every later read)`,
      );
    }
  }
  for (const t of targets) if (!t.met) behind.push(`target not met: ${t.text} (${t.measured})`);
  out.push('### Where we are behind');
  out.push(
    behind.length ? behind.map((line) => `- ${line}`).join('\n') : '- Nowhere measured here.',
  );

  const problems = [
    ...info.sanity.filter((line) => line.startsWith('UNEXPECTED')),
    ...info.unexpectedLoads.map((line) => `loader ran in a hit scenario: ${line}`),
    ...invalidations
      .filter((r) => r.staleAfter)
      .map((r) => `${r.lib} served an entry after invalidating ${r.entries}`),
  ];
  out.push('### Method');
  out.push(
    [
      `- tinybench 6.2.3, sequential (one call awaited after another, no concurrency). One sample is the mean of a batch of calls (${info.batches.l1} for L1 hits, ${info.batches.l2} for L2 hits and the floor, ${info.batches.miss} for misses), so reading the timer costs next to nothing; each task runs ${info.timeMs} ms after a short warm-up. A round's ops/s is 1000 ÷ its mean sample latency (ms); every task runs once per round, the libraries of one scenario and payload back to back (the order inside and across those groups rotates each round); the tables give the median over the rounds (min – max beside it), and ratios are medians of per-round ratios.`,
      '- Same config for everyone: memory L1 (64 MB for ours and BentoCache, whose default 1,000-item cap is lifted; a Map for cache-manager, like its built-in memory store) in front of Redis; ours and BentoCache with their Redis pub/sub bus; TTL 10 min; no grace; every entry carries one tag (row `vehicle:42`, page `vehicles`). Each library gets its own key prefix carrying a run token; at the end only keys carrying that token are deleted (SCAN MATCH + UNLINK, never KEYS or FLUSHDB).',
      '- Values: ours always encodes with superjson (a `Date` comes back a `Date`) and hands out deep-frozen values. BentoCache and cache-manager are given superjson too, so all three return the same thing; BentoCache with its default JSON serializer (Dates come back as strings) is shown for reference. BentoCache\'s L1 keeps serialized strings by default and parses them on every hit (each caller gets a private copy); the "L1 serialize: false" row keeps live objects (shared and mutable). cache-manager\'s L1 keeps live objects.',
      '- Keys: peers get a precomputed string key; ours gets `{ route, scope, input }` and hashes the input on every call (canonical JSON, SHA-1), as its tRPC middleware does.',
      "- L2 hit, per library: ours with `l1.maxBytes: 0` (L1 refuses every entry, so each read is one Lua READ + superjson parse + freeze); BentoCache with the memory driver's `maxEntrySize: 256` bytes (payload entries never enter L1, its small tag-timestamp entries still do, so each read is L1 miss, lock, Redis GET, parse, tag check, and the L1 write it attempts anyway); cache-manager with a memory store that keeps nothing (each `wrap()` reads Redis and does its usual write-back). Before timing, 5 probe reads per case check which tier answered.",
      '- Miss + fill: a key never seen before on every call, a loader that returns the payload at once, the Redis writes included (ours: Lua READ + Lua STORE; BentoCache: GET, SET, bus PUBLISH; cache-manager: GET, SET). Those entries are deleted after each round.',
      '- Floor: the same ioredis 6 client library ours uses, `GET` of the same value stored as a plain string, then `superjson.parse` (`JSON.parse` shown for reference). The L2 target compares our L2-hit latency with it.',
      `- Tag invalidation: N entries (the row payload) sharing one tag are filled through \`getOrSet\` on a fresh instance that has already made one invalidation of an unused tag (so it is warm, and all N entries are in L1 and Redis), then one invalidation call is timed: ${info.invalidationSamples} samples per library and size, each on a fresh instance with a fresh fill, the two libraries alternating; median shown. Round trips are counted in a separate pass under \`MONITOR\`: commands from the library's connections (found by connection name in \`CLIENT LIST\`), plus the commands their Lua scripts ran. After each invalidation one invalidated entry is read and must reach the loader.`,
      '- A benchmark, not a test: nothing asserts on time. On a 2-CPU machine expect ±10–20% between runs; ratios move less than absolute figures.',
      problems.length
        ? `- Sanity problems: ${problems.join('; ')}`
        : '- Sanity: every hit case was served by the intended tier, no hit ran a loader, every invalidated entry was reloaded.',
    ].join('\n'),
  );
  return out.join('\n\n');
}
