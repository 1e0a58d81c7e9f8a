import { openDatabase } from '@garage/db';
import type { ApiProcess } from '../processes';
import type { VehicleRow } from '../setup';
import { Samples } from '../stats';
import { type ApiLog, watchApiLog } from './api-log';
import { type DrillContext, hold, startLoadOn } from './context';
import type { Outcome, Phase } from './phases';
import { compareServed, readFromDatabase, readThroughApi, type ServedCheck } from './read-back';
import { msUntil } from './readiness';
import { drillNotesPrefix, notesOf, type VehicleLoad, type WriteBook } from './vehicle-load';

export interface PostgresOutageResult {
  phases: Phase[];
  seconds: { before: number; outage: number; after: number };
  /** How long `pg_ctl stop -m fast` and the start (until it accepts a query) took, in ms. */
  stopMs: number;
  startMs: number;
  /** Outcomes of the requests answered while PostgreSQL was down or starting. */
  outageOutcomes: Map<Outcome, number>;
  /** ms from the stop to the first 503 with the clear message. */
  firstUnavailableMs: number;
  /** Latency of those 503s, ms. */
  unavailable: { count: number; p50: number; p99: number; max: number };
  /** ms from PostgreSQL accepting queries to /readyz saying the database is up. */
  readyMs: number;
  /** ms to the first acknowledged write: from the restart command, and from it accepting. */
  firstWriteFromRestartMs: number;
  firstWriteFromUpMs: number;
  writes: { acknowledged: number; unavailable: number; other: number };
  check: DatabaseCheck;
  /** What the API serves after the recovery, against the acknowledged writes and the database. */
  served: ServedCheck;
  staleReads: number;
  staleExamples: string[];
  apiLog: Map<string, number>;
}

export interface DatabaseCheck {
  vehicles: number;
  /** Rows holding less than their last acknowledged mileage. */
  lost: number;
  /** Rows whose mileage and notes come from different writes (or from no write at all). */
  halfApplied: number;
  /** Rows holding the mileage of a write that was answered with an error (or never answered). */
  appliedUnacknowledged: Map<Outcome, number>;
  examples: string[];
}

const downPhase = 'PostgreSQL down';
const startingPhase = 'PostgreSQL starting';
/** The phases while PostgreSQL is down, then starting: a 503 with the clear message is allowed. */
export const outagePhases: readonly string[] = [downPhase, startingPhase];

/** Every write of the drill against what PostgreSQL holds afterwards. */
function checkDatabase(
  book: WriteBook,
  writeSet: readonly VehicleRow[],
  stored: Map<number, { mileage: number; notes: string | null }>,
): DatabaseCheck {
  const original = new Map(writeSet.map((v) => [v.id, v.mileage]));
  const check: DatabaseCheck = {
    vehicles: book.sent.size,
    lost: 0,
    halfApplied: 0,
    appliedUnacknowledged: new Map(),
    examples: [],
  };
  const example = (line: string) => {
    if (check.examples.length < 5) check.examples.push(line);
  };
  for (const [id, writes] of book.sent) {
    const row = stored.get(id);
    if (!row) {
      check.lost++;
      example(`vehicle ${id}: missing from the database`);
      continue;
    }
    const acked = book.acked.get(id)?.mileage;
    if (acked !== undefined && row.mileage < acked) {
      check.lost++;
      example(`vehicle ${id}: stored ${row.mileage}, acknowledged ${acked}`);
    }
    const write = writes.find((w) => w.mileage === row.mileage);
    const whole = write
      ? row.notes === notesOf(write.mileage)
      : row.mileage === original.get(id) && !row.notes?.startsWith(drillNotesPrefix);
    if (!whole) {
      check.halfApplied++;
      example(`vehicle ${id}: mileage ${row.mileage} with notes "${row.notes}"`);
    }
    if (write && write.outcome !== '200') {
      check.appliedUnacknowledged.set(
        write.outcome,
        (check.appliedUnacknowledged.get(write.outcome) ?? 0) + 1,
      );
    }
  }
  return check;
}

/**
 * Drill 3: under load, PostgreSQL is stopped (`pg_ctl stop -m fast`: sessions are terminated)
 * and started again on the same port. While it is down every answer must be a 200 (from the
 * cache) or a 503 with the clear message, quickly; afterwards writes succeed again without an
 * API restart, and the database holds every acknowledged write, each one whole.
 */
export async function runPostgresOutage(
  context: DrillContext,
  options: { writeSet: readonly VehicleRow[]; seconds: PostgresOutageResult['seconds'] },
): Promise<PostgresOutageResult> {
  const { seconds } = options;
  const { postgres } = context;
  let api: ApiProcess | undefined;
  let load: VehicleLoad | undefined;
  let apiLog: ApiLog | undefined;
  try {
    api = await context.startApi('postgres', context.redis.url, context.namespace('postgres'));
    apiLog = watchApiLog(api);
    const cookie = await context.signIn(api, 'staff');
    const total = seconds.before + seconds.outage + seconds.after;
    const started = await startLoadOn(context, api, cookie, options.writeSet, total + 60);
    load = started.load;
    const { phases } = started;

    await hold(seconds.before);
    context.log('  PostgreSQL stopped');
    const down = phases.begin(downPhase);
    await postgres.stop();
    const stopMs = performance.now() - down.startedAt;
    await hold(Math.max(0, seconds.outage - stopMs / 1000));
    const starting = phases.begin(startingPhase);
    await postgres.start();
    const upAt = performance.now();
    context.log('  PostgreSQL started again');
    phases.begin('after');
    const ready = msUntil(api.port, (r) => r.database === 'up', {
      since: upAt,
      maxMs: seconds.after * 1000,
      everyMs: 50,
    });
    await hold(seconds.after);
    const readyMs = await ready;
    await load.stop();

    const during = phases.phases.filter((p) => outagePhases.includes(p.name));
    const outageOutcomes = new Map<Outcome, number>();
    const unavailable = new Samples();
    for (const phase of during) {
      for (const [outcome, n] of phase.outcomes) {
        outageOutcomes.set(outcome, (outageOutcomes.get(outcome) ?? 0) + n);
      }
      for (const v of phase.latencies.get('503')?.values() ?? []) unavailable.push(v);
    }
    const firstAt = Math.min(
      ...during.map((p) => p.firstAt.get('503') ?? Number.POSITIVE_INFINITY),
    );
    const { ackTimes } = load;
    const firstAckAfter = (t: number) => (ackTimes.find((at) => at >= t) ?? Number.NaN) - t;
    const allWrites = [...load.sent.values()].flat();
    const ids = [...load.sent.keys()];

    // A connection of its own: the bench's pool lived through the outage too.
    const verifier = await openDatabase({ url: context.databaseUrl, poolSize: 2 });
    let stored: Awaited<ReturnType<typeof readFromDatabase>>;
    try {
      stored = await readFromDatabase(verifier, ids);
    } finally {
      await verifier.close();
    }
    const served = compareServed(await readThroughApi(api.port, cookie, ids), load, stored);
    return {
      phases: phases.phases,
      seconds,
      stopMs,
      startMs: upAt - starting.startedAt,
      outageOutcomes,
      firstUnavailableMs: firstAt - down.startedAt,
      unavailable: {
        count: unavailable.length,
        p50: unavailable.percentile(50),
        p99: unavailable.percentile(99),
        max: unavailable.percentile(100),
      },
      readyMs,
      firstWriteFromRestartMs: firstAckAfter(starting.startedAt),
      firstWriteFromUpMs: firstAckAfter(upAt),
      writes: {
        acknowledged: allWrites.filter((w) => w.outcome === '200').length,
        unavailable: allWrites.filter((w) => w.outcome === '503').length,
        other: allWrites.filter((w) => w.outcome !== '200' && w.outcome !== '503').length,
      },
      check: checkDatabase(load, options.writeSet, stored),
      served,
      staleReads: phases.total('staleReads'),
      staleExamples: load.staleExamples,
      apiLog: apiLog.messages,
    };
  } finally {
    await load?.stop();
    apiLog?.stop();
    await api?.stop();
  }
}
