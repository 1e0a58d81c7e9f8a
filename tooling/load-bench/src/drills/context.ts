import type { Database } from '@garage/db';
import type { PostgresServer, RedisServer } from '@garage/test-services';
import type { ApiProcess } from '../processes';
import type { VehicleRow } from '../setup';
import { PhaseLog } from './phases';
import { startVehicleLoad, type VehicleLoad, warmUp } from './vehicle-load';

/** What every drill gets from the run: the servers, the data, and the shape of the load. */
export interface DrillContext {
  postgres: PostgresServer;
  redis: RedisServer;
  /** The bench's own connection to the database (for read-backs). */
  db: Database;
  databaseUrl: string;
  /** Starts the built API, L1+L2, on `redisUrl`, in the run's namespace called `name`. */
  startApi(name: string, redisUrl: string, namespace: string): Promise<ApiProcess>;
  namespace(name: string): string;
  signIn(api: ApiProcess, who: 'staff' | 'admin'): Promise<string>;
  /** Every vehicle id: reads spread over them. */
  readIds: readonly number[];
  load: { workers: number; ratePerSecond: number; timeoutMs: number; maxOperations: number };
  log(line: string): void;
}

/** The current mileages of `rows`, from the database (nothing goes through the cache). */
async function mileagesOf(context: DrillContext, rows: readonly VehicleRow[]) {
  const found = await context.db.prisma.vehicle.findMany({
    where: { id: { in: rows.map((v) => v.id) } },
    select: { id: true, mileage: true },
  });
  return new Map(found.map((v) => [v.id, v.mileage]));
}

/** Waits `seconds` (phase lengths are in seconds). */
export const hold = (seconds: number) =>
  new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Warms the API's cache with every vehicle (unless `cold`), then starts the drill's load on it,
 * for at most `maxSeconds` (the drill stops it sooner), in a first phase called "before".
 */
export async function startLoadOn(
  context: DrillContext,
  api: ApiProcess,
  cookie: string,
  writeSet: readonly VehicleRow[],
  maxSeconds: number,
  options: { cold?: boolean } = {},
): Promise<{ load: VehicleLoad; phases: PhaseLog }> {
  const mileages = options.cold
    ? await mileagesOf(context, writeSet)
    : await warmUp(api.port, cookie, context.readIds, context.load.workers);
  const phases = new PhaseLog('before');
  const load = startVehicleLoad({
    port: api.port,
    cookie,
    readIds: context.readIds,
    writeSet,
    mileages,
    phases,
    ...context.load,
    maxSeconds,
  });
  return { load, phases };
}
