import { percentile } from '@garage/bench-report';
import type { Api } from './api';
import {
  conflictVersionOf,
  inParallel,
  mileageOf,
  type Reply,
  readVehicle,
  updateVehicle,
  versionOf,
} from './http';
import type { VehicleRow } from './infra';

/** The notes a write sets beside its mileage: a row whose two fields disagree was half-applied. */
export const notesPrefix = 'drill write ';
export const notesOf = (mileage: number) => `${notesPrefix}${mileage}`;

/**
 * How a request ended: its HTTP status (`503` only with the API's "database unavailable"
 * message, `503 other` otherwise), `timeout` (no answer in time: a hang) or `error`.
 */
export function outcomeOf(reply: Reply): string {
  if (reply.status !== 503) return reply.status === 0 ? reply.body : String(reply.status);
  return reply.body.includes('the database is unavailable; try again in a moment')
    ? '503'
    : '503 other';
}

const isOk = (outcome: string) => /^2\d\d$/.test(outcome);

type Answer = { kind: 'read' | 'write'; outcome: string; ms: number; at: number };

/** The requests answered during one phase of a run (by when their answer came). */
export class Phase {
  readonly startedAt = performance.now();
  endedAt = Number.NaN;
  /** Reads begun after a write of their vehicle was acknowledged that returned less... */
  staleReads = 0;
  /** ...and the longest from such an acknowledgement to the read's start, ms. */
  worstStaleMs = 0;
  /** Reads sent while a write of their vehicle was in flight (either value is right). */
  racingReads = 0;
  readonly answers: Answer[] = [];

  constructor(readonly name: string) {}

  get seconds() {
    const end = Number.isNaN(this.endedAt) ? performance.now() : this.endedAt;
    return (end - this.startedAt) / 1000;
  }
  pick(kind?: Answer['kind'], outcome?: string) {
    return this.answers.filter(
      (a) => (!kind || a.kind === kind) && (!outcome || a.outcome === outcome),
    );
  }
  /** Requests whose outcome is not allowed (a 2xx, unless a drill allows more). */
  failed(allowed = isOk) {
    return this.answers.filter((a) => !allowed(a.outcome)).length;
  }
  latency(p: number, kind?: Answer['kind'], outcome?: string) {
    const latencies = this.pick(kind, outcome).map((a) => a.ms);
    return percentile(latencies, p);
  }
}

/** A vehicle's mileage and the version it is at. */
export type VehicleNow = { mileage: number; version: number };

/** Reads each of `ids` once (so the cache starts warm) and returns the mileages and versions seen. */
export async function warmUp(api: Api, ids: readonly number[]) {
  const seen = new Map<number, VehicleNow>();
  await inParallel(ids, 16, async (id) => {
    const reply = await readVehicle(api, id);
    const [mileage, version] = [mileageOf(reply), versionOf(reply)];
    if (mileage === undefined || version === undefined) {
      throw new Error(`warm-up read of vehicle ${id} failed`);
    }
    seen.set(id, { mileage, version });
  });
  return seen;
}

/**
 * `workers` loops of vehicle reads and writes, closed (back to back) or paced to `ratePerSecond`
 * in all (a fixed offered load, so latency shows a fault rather than a saturated machine). Each
 * operation picks a vehicle of `vehicles`, half the time from its first `hot` ones when given;
 * 10 % update it to a higher mileage (writes to one vehicle never overlap), the rest read it,
 * or, half of them when `otherReads` is given, one of those ids. A read begun after a write of
 * its vehicle was acknowledged must see at least that mileage. Runs in phases (`begin`) until
 * `stop()` or `maxSeconds`.
 */
export function startVehicleLoad(options: {
  reader: Api;
  writer: Api;
  vehicles: readonly VehicleRow[];
  /** The current mileage and version of each of `vehicles`. */
  current: Map<number, VehicleNow>;
  hot?: number;
  otherReads?: readonly number[];
  workers: number;
  ratePerSecond?: number;
  timeoutMs?: number;
  maxSeconds: number;
}) {
  const { reader, writer, vehicles, otherReads, timeoutMs } = options;
  const phases = [new Phase('before')];
  const current = () => phases.at(-1) as Phase;
  /** Every write sent, per vehicle, in order: its mileage, outcome and the phase it was sent in. */
  const sent = new Map<number, { mileage: number; outcome: string; phase: string }[]>();
  const acked = new Map<number, { mileage: number; at: number }>();
  const now = (v: VehicleRow) => options.current.get(v.id) ?? v;
  const lastSent = new Map(vehicles.map((v) => [v.id, now(v).mileage]));
  const versions = new Map(vehicles.map((v) => [v.id, now(v).version]));
  const writing = new Set<number>();
  const hot = vehicles.slice(0, options.hot ?? vehicles.length);
  const intervalMs = options.ratePerSecond ? (options.workers * 1000) / options.ratePerSecond : 0;
  const deadline = performance.now() + options.maxSeconds * 1000;
  let running = true;
  const pickFrom = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const record = (kind: Answer['kind'], reply: Reply, t0: number) => {
    const at = performance.now();
    current().answers.push({ kind, outcome: outcomeOf(reply), ms: at - t0, at });
    return current();
  };

  async function write(v: VehicleRow) {
    const mileage = (lastSent.get(v.id) ?? v.mileage) + 1 + Math.floor(Math.random() * 50);
    lastSent.set(v.id, mileage);
    const entry = { mileage, outcome: 'pending', phase: current().name };
    sent.set(v.id, [...(sent.get(v.id) ?? []), entry]);
    writing.add(v.id);
    const t0 = performance.now();
    const fields = { id: v.id, version: versions.get(v.id) ?? 1, mileage, notes: notesOf(mileage) };
    let reply = await updateVehicle(writer, fields, timeoutMs);
    // A write whose answer was lost (a timeout, a 503 after its commit) moved the version on:
    // this one goes on top of it, as the vehicle form's "Keep mine" does.
    const moved = conflictVersionOf(reply);
    if (moved !== undefined)
      reply = await updateVehicle(writer, { ...fields, version: moved }, timeoutMs);
    const saved = versionOf(reply);
    if (saved !== undefined) versions.set(v.id, saved);
    writing.delete(v.id);
    entry.outcome = outcomeOf(reply);
    record('write', reply, t0);
    if (entry.outcome === '200') acked.set(v.id, { mileage, at: performance.now() });
  }

  async function read(id: number) {
    const floor = acked.get(id);
    if (writing.has(id)) current().racingReads++;
    const t0 = performance.now();
    const reply = await readVehicle(reader, id, timeoutMs);
    const phase = record('read', reply, t0);
    const mileage = mileageOf(reply);
    if (floor && mileage !== undefined && mileage < floor.mileage) {
      phase.staleReads++;
      phase.worstStaleMs = Math.max(phase.worstStaleMs, t0 - floor.at);
    }
  }

  const loops = Array.from({ length: options.workers }, async (_, worker) => {
    await sleep((intervalMs * worker) / options.workers);
    for (let n = 0; running && n < 1_000_000 && performance.now() < deadline; n++) {
      const started = performance.now();
      const v = pickFrom(Math.random() < 0.5 ? hot : vehicles);
      const dice = Math.random();
      if (dice < 0.1 && !writing.has(v.id)) await write(v);
      else await read(otherReads && dice >= 0.55 ? pickFrom(otherReads) : v.id);
      const wait = started + intervalMs - performance.now();
      if (wait > 0 && running) await sleep(wait);
    }
  });

  return {
    phases,
    sent,
    acked,
    /** Ends the current phase and starts `name`. */
    begin(name: string) {
      current().endedAt = performance.now();
      phases.push(new Phase(name));
      return current();
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      if (Number.isNaN(current().endedAt)) current().endedAt = performance.now();
      return phases;
    },
  };
}
