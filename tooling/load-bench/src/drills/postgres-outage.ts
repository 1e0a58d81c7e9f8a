import { fmt, ms, percentile, type Target, table, tally } from '@garage/bench-report';
import { openDatabase } from '@garage/db';
import type { Infra, VehicleRow } from '../infra';
import { notesOf, notesPrefix, type Phase } from '../vehicle-load';
import { hold, outcomesText, readBack, secs, startDrill, storedVehicles } from './drill';

const outage = ['PostgreSQL down', 'PostgreSQL starting'];
/** While PostgreSQL is down or starting, a cached 200 or the clear 503 is a right answer. */
const rightDuringOutage = (outcome: string) => outcome === '200' || outcome === '503';
const count = (p: Phase, outcome: string) => p.pick(undefined, outcome).length;

/**
 * Drill 3: under load, PostgreSQL is stopped (`pg_ctl stop -m fast`) and started again on the
 * same port. While it is down every answer must be a 200 (from the cache) or a quick 503 with
 * the clear message; afterwards writes succeed without an API restart, and the database holds
 * every acknowledged write, each one whole.
 */
export async function postgresOutage(
  infra: Infra,
  writeSet: readonly VehicleRow[],
  seconds: { before: number; outage: number; after: number },
) {
  const total = seconds.before + seconds.outage + seconds.after;
  const drill = await startDrill(infra, 'postgres', writeSet, total + 60);
  await hold(seconds.before);
  const down = drill.load.begin('PostgreSQL down');
  await infra.postgres.stop();
  const stopMs = performance.now() - down.startedAt;
  await hold(Math.max(0, seconds.outage - stopMs / 1000));
  const starting = drill.load.begin('PostgreSQL starting');
  await infra.postgres.start();
  const upAt = performance.now();
  drill.load.begin('after');
  const ready = drill.untilReady((r) => r.database === 'up', upAt, seconds.after);
  await hold(seconds.after);
  const readyMs = await ready;
  const run = await drill.finish();

  const { sent, acked } = drill.load;
  const ids = [...sent.keys()];
  // A connection of its own: the bench's pool lived through the outage too.
  const verifier = await openDatabase({ url: infra.databaseUrl, poolSize: 2 });
  const stored = await storedVehicles(verifier, ids).finally(() => verifier.close());
  const served = await readBack(drill.api, ids, acked, stored);
  await drill.api.stop();
  const original = new Map(writeSet.map((v) => [v.id, v.mileage]));
  const check = { lost: 0, halfApplied: 0, appliedUnacknowledged: new Map<string, number>() };
  for (const [id, writes] of sent) {
    const row = stored.get(id);
    if (!row || row.mileage < (acked.get(id)?.mileage ?? 0)) check.lost++;
    if (!row) continue;
    const write = writes.find((w) => w.mileage === row.mileage);
    // Whole: its notes name the write of its mileage, or it kept both fields from before.
    const whole = write
      ? row.notes === notesOf(write.mileage)
      : row.mileage === original.get(id) && !row.notes?.startsWith(notesPrefix);
    if (!whole) check.halfApplied++;
    if (write && write.outcome !== '200') tally(check.appliedUnacknowledged, write.outcome);
  }

  const during = run.phases.filter((p) => outage.includes(p.name));
  const outcomes = new Map<string, number>();
  for (const { outcome } of during.flatMap((p) => p.answers)) tally(outcomes, outcome);
  const unavailable = during.flatMap((p) => p.pick(undefined, '503').map((a) => a.ms));
  const acks = run.phases.flatMap((p) => p.pick('write', '200').map((a) => a.at));
  const firstAckAfter = (t: number) => (acks.find((at) => at >= t) ?? Number.NaN) - t;
  const firstUnavailable = Math.min(
    ...during.map((p) => p.pick(undefined, '503')[0]?.at ?? Number.POSITIVE_INFINITY),
  );
  const wrong = during.reduce((n, p) => n + p.failed(rightDuringOutage), 0);
  const outside = run.phases
    .filter((p) => !outage.includes(p.name))
    .reduce((n, p) => n + p.failed(), 0);
  const timeouts = outcomes.get('timeout') ?? 0;
  const written = [...sent.values()].flat();
  const writes = (outcome: string) => written.filter((w) => w.outcome === outcome).length;
  const targets: Target[] = [
    {
      text: 'PostgreSQL down: every answer a 200 (cached) or a 503 with the clear message',
      measured: outcomesText(outcomes),
      met: wrong === 0,
    },
    {
      text: 'PostgreSQL down: no hang (no answer later than the client timeout)',
      measured: `${fmt(timeouts)} timeouts; 503s p99 ${ms(percentile(unavailable, 99))} ms, max ${ms(percentile(unavailable, 100))} ms`,
      met: timeouts === 0,
    },
    {
      text: 'PostgreSQL back: writes succeed again without an API restart',
      measured: `first acknowledged write ${secs(firstAckAfter(upAt))} after it accepted queries`,
      met: Number.isFinite(firstAckAfter(upAt)),
    },
    {
      text: 'PostgreSQL: failed requests before and after the outage = 0',
      measured: fmt(outside),
      met: outside === 0,
    },
    {
      text: 'PostgreSQL: no acknowledged write lost, none half-applied',
      measured: `${fmt(check.lost)} lost, ${fmt(check.halfApplied)} half-applied, of ${fmt(ids.length)} vehicles written`,
      met: check.lost === 0 && check.halfApplied === 0 && ids.length > 0,
    },
  ];
  const latency = (p: Phase, outcome: string) =>
    count(p, outcome)
      ? `${ms(p.latency(50, undefined, outcome))} / ${ms(p.latency(99, undefined, outcome))}`
      : '';
  const tables = [
    table(
      'Phase | seconds | requests | 200 | 503 (clear) | other | p50 / p99 ms of 200s | p50 / p99 ms of 503s | max ms | stale reads',
      run.phases.map(
        (p) =>
          `${p.name} | ${fmt(p.seconds, 1)} | ${fmt(p.answers.length)} | ${fmt(count(p, '200'))} | ${fmt(count(p, '503'))} | ${fmt(p.answers.length - count(p, '200') - count(p, '503'))} | ${latency(p, '200')} | ${latency(p, '503')} | ${ms(p.latency(100))} | ${fmt(p.staleReads)}`,
      ),
      'lrrrrrrrrr',
    ),
    table(
      'Figure | Measured',
      [
        `\`pg_ctl stop -m fast\` took; the start, until it accepted a query | ${secs(stopMs)}; ${secs(upAt - starting.startedAt)}`,
        `stop → first 503 | ${secs(firstUnavailable - down.startedAt)}`,
        `503s while down or starting: count, p50 / p99 / max | ${fmt(unavailable.length)}, ${[50, 99, 100].map((p) => ms(percentile(unavailable, p))).join(' / ')} ms`,
        `accepting queries again → \`/readyz\` says the database is up | ${secs(readyMs)}`,
        `restart command → first acknowledged write | ${secs(firstAckAfter(starting.startedAt))}`,
        `accepting queries again → first acknowledged write | ${secs(firstAckAfter(upAt))}`,
        `writes: acknowledged / 503 / other | ${fmt(writes('200'))} / ${fmt(writes('503'))} / ${fmt(written.length - writes('200') - writes('503'))}`,
        `vehicles written, read back from PostgreSQL: lost / half-applied | ${fmt(ids.length)}: ${fmt(check.lost)} / ${fmt(check.halfApplied)}`,
        `rows holding a write answered with an error (applied anyway) | ${outcomesText(check.appliedUnacknowledged)}`,
        `after the recovery, the API serves: stale / behind the database / not a 200 | ${fmt(served.stale)} / ${fmt(served.behindDatabase)} / ${fmt(served.unreadable)} of ${fmt(served.vehicles)}`,
      ],
      'lr',
    ),
  ];
  return { targets, tables: tables.join('\n\n'), stale: run.stale, log: drill.log };
}
