import { type BusLag, busLagBetween, readBusLag } from './bus-lag';
import { call, query, queryPath, resultOf } from './http';
import type { ApiProcess } from './processes';
import type { VehicleRow } from './setup';
import { percentile } from './stats';

export interface PropagationResult {
  samples: number;
  /** ms from A's acknowledgement to the end of the first B response showing the new value. */
  p50: number;
  p99: number;
  max: number;
  /** The same, to the start of that B request (a lower bound: B served new from then on). */
  startP50: number;
  startP99: number;
  /** Samples where the very first poll of B after the acknowledgement was already new. */
  firstPollFresh: number;
  /** Polls of B that returned the old value after the acknowledgement, over all samples. */
  stalePolls: number;
  /** One B round trip for a cached byId, median (the floor of the figure above). */
  pollRttP50: number;
  unresolved: number;
  /** A's invalidations as B's bus-lag histogram saw them: A's send to B's L1 dropping the entry. */
  bus: BusLag;
}

/**
 * For each vehicle: B reads it twice (now in B's L1), A updates its mileage, then B is polled
 * back to back until it serves the new mileage (at most 2 s / 5,000 polls per sample).
 */
export async function runPropagation(options: {
  a: ApiProcess;
  b: ApiProcess;
  cookieA: string;
  cookieB: string;
  vehicles: readonly VehicleRow[];
}): Promise<PropagationResult> {
  const { a, b } = options;
  const lags: number[] = [];
  const startLags: number[] = [];
  const rtts: number[] = [];
  let firstPollFresh = 0;
  let stalePolls = 0;
  let unresolved = 0;
  const busBefore = await readBusLag(b.port);
  for (const row of options.vehicles) {
    const path = queryPath('vehicle.byId', { id: row.id });
    const current = await query<{ mileage: number }>(
      b.port,
      'vehicle.byId',
      { id: row.id },
      options.cookieB,
    );
    const warmStart = performance.now();
    await query(b.port, 'vehicle.byId', { id: row.id }, options.cookieB);
    rtts.push(performance.now() - warmStart);
    const mileage = current.mileage + 10;
    const write = await call(a.port, 'POST', '/trpc/vehicle.update', {
      body: JSON.stringify({ json: { id: row.id, mileage } }),
      cookie: options.cookieA,
    });
    if (write.status !== 200)
      throw new Error(`update on A answered ${write.status}: ${write.body}`);
    const acked = performance.now();
    let polls = 0;
    let done = false;
    while (!done && polls < 5_000 && performance.now() - acked < 2_000) {
      polls++;
      const pollStart = performance.now();
      const reply = await call(b.port, 'GET', path, { cookie: options.cookieB });
      const seen = reply.status === 200 ? resultOf<{ mileage: number }>(reply.body).mileage : -1;
      if (seen >= mileage) {
        lags.push(performance.now() - acked);
        startLags.push(pollStart - acked);
        if (polls === 1) firstPollFresh++;
        done = true;
      } else {
        stalePolls++;
      }
    }
    if (!done) unresolved++;
  }
  return {
    samples: options.vehicles.length,
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    max: Math.max(...lags),
    startP50: percentile(startLags, 50),
    startP99: percentile(startLags, 99),
    firstPollFresh,
    stalePolls,
    pollRttP50: percentile(rtts, 50),
    unresolved,
    bus: busLagBetween(busBefore, await readBusLag(b.port)),
  };
}
