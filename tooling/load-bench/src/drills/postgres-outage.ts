import { openDatabase } from '@garage/db';
import type { Infra, VehicleRow } from '../infra';
import { fmt, ms, percentile, type Target, table } from '../report';
import { notesOf, notesPrefix, type Phase } from '../vehicle-load';
import {
  hold,
  msUntilReady,
  outcomesText,
  readBack,
  readFromDatabase,
  secs,
  startDrillLoad,
  watchApiLog,
} from './checks';

const outage = ['PostgreSQL down', 'PostgreSQL starting'];
/** While PostgreSQL is down or starting, a cached 200 or the clear 503 is a right answer. */
const rightDuringOutage = (outcome: string) => outcome === '200' || outcome === '503';

/**
 * Drill 3: under load, PostgreSQL is stopped (`pg_ctl stop -m fast`) and started again on the
 * same port. While it is down every answer must be a 200 (from the cache) or a quick 503 with
 * the clear message; afterwards writes succeed without an API restart, and the database holds
 * every acknowledged write, each one whole.
 */
export async function runPostgresOutage(
  infra: Infra,
  writeSet: readonly VehicleRow[],
  seconds: { before: number; outage: number; after: number },
) {
  const api = await infra.api('postgres');
  const apiLog = watchApiLog(api);
  const load = await startDrillLoad(
    infra,
    api,
    writeSet,
    seconds.before + seconds.outage + seconds.after + 60,
  );
  await hold(seconds.before);
  const down = load.begin('PostgreSQL down');
  await infra.postgres.stop();
  const stopMs = performance.now() - down.startedAt;
  await hold(Math.max(0, seconds.outage - stopMs / 1000));
  const starting = load.begin('PostgreSQL starting');
  await infra.postgres.start();
  const upAt = performance.now();
  load.begin('after');
  const ready = msUntilReady(api, (r) => r.database === 'up', upAt, seconds.after * 1000);
  await hold(seconds.after);
  const readyMs = await ready;
  const phases = await load.stop();

  const during = phases.filter((p) => outage.includes(p.name));
  const outcomes = new Map<string, number>();
  for (const { outcome } of during.flatMap((p) => p.answers))
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  const unavailable = during.flatMap((p) => p.pick(undefined, '503').map((a) => a.ms));
  const acks = phases.flatMap((p) => p.pick('write', '200').map((a) => a.at));
  const firstAckAfter = (t: number) => (acks.find((at) => at >= t) ?? Number.NaN) - t;
  const ids = [...load.sent.keys()];
  // A connection of its own: the bench's pool lived through the outage too.
  const verifier = await openDatabase({ url: infra.databaseUrl, poolSize: 2 });
  const stored = await readFromDatabase(verifier, ids).finally(() => verifier.close());
  const served = await readBack(api, ids, load.acked, stored);
  await api.stop();

  const original = new Map(writeSet.map((v) => [v.id, v.mileage]));
  const check = { lost: 0, halfApplied: 0, appliedUnacknowledged: new Map<string, number>() };
  for (const [id, sent] of load.sent) {
    const row = stored.get(id);
    if (!row || row.mileage < (load.acked.get(id)?.mileage ?? 0)) check.lost++;
    if (!row) continue;
    const write = sent.find((w) => w.mileage === row.mileage);
    // Whole: its notes name the write of its mileage, or it kept both fields from before.
    const whole = write
      ? row.notes === notesOf(write.mileage)
      : row.mileage === original.get(id) && !row.notes?.startsWith(notesPrefix);
    if (!whole) check.halfApplied++;
    if (write && write.outcome !== '200') {
      check.appliedUnacknowledged.set(
        write.outcome,
        (check.appliedUnacknowledged.get(write.outcome) ?? 0) + 1,
      );
    }
  }
  const writes = [...load.sent.values()].flat();
  const written = (outcome: string) => writes.filter((w) => w.outcome === outcome).length;
  return {
    phases,
    stopMs,
    startMs: upAt - starting.startedAt,
    outcomes,
    firstUnavailableMs:
      Math.min(...during.map((p) => p.pick(undefined, '503')[0]?.at ?? Number.POSITIVE_INFINITY)) -
      down.startedAt,
    unavailable,
    readyMs,
    firstWriteFromRestartMs: firstAckAfter(starting.startedAt),
    firstWriteFromUpMs: firstAckAfter(upAt),
    writes: {
      acknowledged: written('200'),
      unavailable: written('503'),
      other: writes.length - written('200') - written('503'),
    },
    vehicles: ids.length,
    check,
    served,
    apiLog,
  };
}

type PostgresOutage = Awaited<ReturnType<typeof runPostgresOutage>>;

export function postgresTargets(r: PostgresOutage): Target[] {
  const failed = (right: (p: Phase) => boolean, allowed?: (outcome: string) => boolean) =>
    r.phases.filter(right).reduce((n, p) => n + p.failed(allowed), 0);
  const wrong = failed((p) => outage.includes(p.name), rightDuringOutage);
  const outside = failed((p) => !outage.includes(p.name));
  const timeouts = r.outcomes.get('timeout') ?? 0;
  return [
    {
      text: 'PostgreSQL down: every answer a 200 (cached) or a 503 with the clear message',
      measured: outcomesText(r.outcomes),
      met: wrong === 0,
    },
    {
      text: 'PostgreSQL down: no hang (no answer later than the client timeout)',
      measured: `${fmt(timeouts)} timeouts; 503s p99 ${ms(percentile(r.unavailable, 99))} ms, max ${ms(percentile(r.unavailable, 100))} ms`,
      met: timeouts === 0,
    },
    {
      text: 'PostgreSQL back: writes succeed again without an API restart',
      measured: `first acknowledged write ${secs(r.firstWriteFromUpMs)} after it accepted queries`,
      met: Number.isFinite(r.firstWriteFromUpMs),
    },
    {
      text: 'PostgreSQL: failed requests before and after the outage = 0',
      measured: fmt(outside),
      met: outside === 0,
    },
    {
      text: 'PostgreSQL: no acknowledged write lost, none half-applied',
      measured: `${fmt(r.check.lost)} lost, ${fmt(r.check.halfApplied)} half-applied, of ${fmt(r.vehicles)} vehicles written`,
      met: r.check.lost === 0 && r.check.halfApplied === 0 && r.vehicles > 0,
    },
  ];
}

const count = (p: Phase, outcome: string) => p.pick(undefined, outcome).length;

export function postgresTables(r: PostgresOutage): string {
  const latency = (p: Phase, outcome: string) =>
    count(p, outcome)
      ? `${ms(p.latency(50, undefined, outcome))} / ${ms(p.latency(99, undefined, outcome))}`
      : '';
  const other = (p: Phase) => p.answers.length - count(p, '200') - count(p, '503');
  return [
    table(
      'Phase | seconds | requests | 200 | 503 (clear) | other | p50 / p99 ms of 200s | p50 / p99 ms of 503s | max ms | stale reads',
      r.phases.map(
        (p) =>
          `${p.name} | ${fmt(p.seconds, 1)} | ${fmt(p.answers.length)} | ${fmt(count(p, '200'))} | ${fmt(count(p, '503'))} | ${fmt(other(p))} | ${latency(p, '200')} | ${latency(p, '503')} | ${ms(p.latency(100))} | ${fmt(p.staleReads)}`,
      ),
      'lrrrrrrrrr',
    ),
    table(
      'Figure | Measured',
      [
        `\`pg_ctl stop -m fast\` took; the start, until it accepted a query | ${secs(r.stopMs)}; ${secs(r.startMs)}`,
        `stop → first 503 | ${secs(r.firstUnavailableMs)}`,
        `503s while down or starting: count, p50 / p99 / max | ${fmt(r.unavailable.length)}, ${[50, 99, 100].map((p) => ms(percentile(r.unavailable, p))).join(' / ')} ms`,
        `accepting queries again → \`/readyz\` says the database is up | ${secs(r.readyMs)}`,
        `restart command → first acknowledged write | ${secs(r.firstWriteFromRestartMs)}`,
        `accepting queries again → first acknowledged write | ${secs(r.firstWriteFromUpMs)}`,
        `writes: acknowledged / 503 / other | ${fmt(r.writes.acknowledged)} / ${fmt(r.writes.unavailable)} / ${fmt(r.writes.other)}`,
        `vehicles written, read back from PostgreSQL: lost / half-applied | ${fmt(r.vehicles)}: ${fmt(r.check.lost)} / ${fmt(r.check.halfApplied)}`,
        `rows holding a write answered with an error (applied anyway) | ${outcomesText(r.check.appliedUnacknowledged)}`,
        `after the recovery, the API serves: stale / behind the database / not a 200 | ${fmt(r.served.stale)} / ${fmt(r.served.behindDatabase)} / ${fmt(r.served.unreadable)} of ${fmt(r.served.vehicles)}`,
      ],
      'lr',
    ),
  ].join('\n\n');
}
