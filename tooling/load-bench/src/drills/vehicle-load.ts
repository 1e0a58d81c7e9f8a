import { CallTimeoutError, call, queryPath, type Reply, resultOf } from '../http';
import type { VehicleRow } from '../setup';
import { clearUnavailableMessage, type Outcome, type PhaseLog } from './phases';

/** One vehicle.update the load sent, and how it ended. */
export interface WriteRecord {
  mileage: number;
  outcome: Outcome;
  /** The phase it was sent in. */
  phase: string;
}

/** What the load knows of its writes, for the read-backs after a drill. */
export interface WriteBook {
  /** Every write sent, per vehicle, in the order sent (writes to one vehicle never overlap). */
  readonly sent: Map<number, WriteRecord[]>;
  /** The highest acknowledged mileage per vehicle. */
  readonly acked: Map<number, { mileage: number; at: number }>;
  /** When each acknowledged write's answer arrived (performance.now()), in order. */
  readonly ackTimes: number[];
  /** Up to five stale reads, described. */
  readonly staleExamples: string[];
}

export interface VehicleLoad extends WriteBook {
  /** Stops the workers and waits for the requests in flight. */
  stop(): Promise<void>;
}

/** The notes a write sets beside its mileage: a row whose two fields disagree was half-applied. */
export const drillNotesPrefix = 'drill write ';
export const notesOf = (mileage: number) => `${drillNotesPrefix}${mileage}`;

/** How an answer ended, and its error message when it was not a 2xx. */
export function outcomeOf(reply: Reply): { outcome: Outcome; message?: string } {
  if (reply.status >= 200 && reply.status < 300) return { outcome: String(reply.status) };
  let message = reply.body.slice(0, 200);
  try {
    message = (JSON.parse(reply.body) as { error: { json: { message: string } } }).error.json
      .message;
  } catch {
    // Not a tRPC error body: the raw start of it is the message.
  }
  if (reply.status !== 503) return { outcome: String(reply.status), message };
  return { outcome: message === clearUnavailableMessage ? '503' : '503 other', message };
}

export function outcomeOfError(error: unknown): { outcome: Outcome; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  return { outcome: error instanceof CallTimeoutError ? 'timeout' : 'error', message };
}

/** Reads each vehicle once (the cache starts warm) and returns the mileages seen. */
export async function warmUp(
  port: number,
  cookie: string,
  ids: readonly number[],
  concurrency: number,
): Promise<Map<number, number>> {
  const mileages = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++] as number;
        const reply = await call(port, 'GET', queryPath('vehicle.byId', { id }), { cookie });
        if (reply.status !== 200) {
          throw new Error(`warm-up read of vehicle ${id} answered ${reply.status}`);
        }
        mileages.set(id, resultOf<{ mileage: number }>(reply.body).mileage);
      }
    }),
  );
  return mileages;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `workers` paced loops against one API, `ratePerSecond` requests per second in all (a fixed
 * offered load, so that latency shows the fault rather than a saturated machine): 10 %
 * vehicle.update of an increasing mileage over `writeSet`, 90 % vehicle.byId, half of them on
 * `writeSet` (so reads meet recent writes), half over `readIds`. A read begun after a write of
 * its vehicle was acknowledged must see at least that mileage. Each request counts in the phase
 * in force when its answer came (what callers saw during a fault); a write remembers the phase
 * it was sent in. Runs until `stop()`, `maxOperations` or `maxSeconds`.
 */
export function startVehicleLoad(options: {
  port: number;
  cookie: string;
  readIds: readonly number[];
  writeSet: readonly VehicleRow[];
  /** The current mileage of every vehicle of `writeSet` (from `warmUp`). */
  mileages: Map<number, number>;
  phases: PhaseLog;
  workers: number;
  ratePerSecond: number;
  timeoutMs: number;
  maxOperations: number;
  maxSeconds: number;
}): VehicleLoad {
  const { port, cookie, readIds, writeSet, phases } = options;
  const book: WriteBook = { sent: new Map(), acked: new Map(), ackTimes: [], staleExamples: [] };
  const lastSent = new Map(writeSet.map((v) => [v.id, options.mileages.get(v.id) ?? v.mileage]));
  const writing = new Set<number>();
  const intervalMs = (options.workers * 1000) / options.ratePerSecond;
  const deadline = performance.now() + options.maxSeconds * 1000;
  let running = true;
  let operations = 0;

  const pickFrom = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T;

  async function write(row: VehicleRow): Promise<void> {
    const mileage = (lastSent.get(row.id) ?? row.mileage) + 1 + Math.floor(Math.random() * 50);
    lastSent.set(row.id, mileage);
    const record: WriteRecord = { mileage, outcome: 'pending', phase: phases.current.name };
    const list = book.sent.get(row.id) ?? [];
    list.push(record);
    book.sent.set(row.id, list);
    writing.add(row.id);
    const t0 = performance.now();
    try {
      const reply = await call(port, 'POST', '/trpc/vehicle.update', {
        body: JSON.stringify({ json: { id: row.id, mileage, notes: notesOf(mileage) } }),
        cookie,
        timeoutMs: options.timeoutMs,
      });
      const { outcome, message } = outcomeOf(reply);
      record.outcome = outcome;
      phases.current.record('write', outcome, performance.now() - t0, message);
      if (reply.status === 200) {
        const at = performance.now();
        book.ackTimes.push(at);
        const previous = book.acked.get(row.id);
        if (!previous || previous.mileage < mileage) book.acked.set(row.id, { mileage, at });
      }
    } catch (error) {
      const { outcome, message } = outcomeOfError(error);
      record.outcome = outcome;
      phases.current.record('write', outcome, performance.now() - t0, message);
    } finally {
      writing.delete(row.id);
    }
  }

  async function read(id: number): Promise<void> {
    const floor = book.acked.get(id);
    const t0 = performance.now();
    try {
      const reply = await call(port, 'GET', queryPath('vehicle.byId', { id }), {
        cookie,
        timeoutMs: options.timeoutMs,
      });
      const phase = phases.current;
      const { outcome, message } = outcomeOf(reply);
      phase.record('read', outcome, performance.now() - t0, message);
      if (reply.status !== 200 || !floor) return;
      const seen = resultOf<{ mileage: number }>(reply.body).mileage;
      if (seen < floor.mileage) {
        phase.staleReads++;
        if (book.staleExamples.length < 5) {
          book.staleExamples.push(
            `vehicle ${id} in "${phase.name}": read ${seen}, acknowledged ${floor.mileage} ${(t0 - floor.at).toFixed(0)} ms before the read began`,
          );
        }
      }
    } catch (error) {
      const { outcome, message } = outcomeOfError(error);
      phases.current.record('read', outcome, performance.now() - t0, message);
    }
  }

  const loops = Array.from({ length: options.workers }, async (_, worker) => {
    // Staggered starts spread the workers' requests over the interval.
    await sleep((intervalMs * worker) / options.workers);
    while (running && operations < options.maxOperations && performance.now() < deadline) {
      operations++;
      const started = performance.now();
      const dice = Math.random();
      const row = pickFrom(writeSet);
      if (dice < 0.1 && !writing.has(row.id)) await write(row);
      else await read(dice < 0.55 ? row.id : pickFrom(readIds));
      const wait = started + intervalMs - performance.now();
      if (wait > 0 && running) await sleep(wait);
    }
  });

  return {
    ...book,
    async stop() {
      running = false;
      await Promise.all(loops);
      phases.end();
    },
  };
}
