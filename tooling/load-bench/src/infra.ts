import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from '@garage/db';
import { seed } from '@garage/db/seed';
import { createDatabase, findBinary, startPostgres, startRedis } from '@garage/test-services';
import { type CacheMode, startApi, stopApis } from './api';
import { closeConnections } from './http';

type Cleanup = () => unknown;

/**
 * Runs `main` so that everything it started is stopped whatever happens: when it ends, on
 * SIGINT/SIGTERM, and after `limitMinutes` (its loops are bounded anyway). API processes stop
 * first, then what `main` registered through `defer`, last first.
 */
export async function guarded(
  name: string,
  limitMinutes: number,
  main: (defer: (cleanup: Cleanup) => void) => Promise<void>,
): Promise<void> {
  // APIs first (they hold connections to the servers), then the rest, last registered first.
  const stack: Cleanup[] = [stopApis];
  let cleaned: Promise<void> | undefined;
  const cleanup = () => {
    cleaned ??= (async () => {
      // Children are unref'd: without a timer the loop could end before they have stopped.
      const keepAlive = setInterval(() => {}, 1_000);
      for (const step of stack) await Promise.resolve(step()).catch(console.error);
      closeConnections();
      clearInterval(keepAlive);
    })();
    return cleaned;
  };
  const stop = (why: string) => {
    console.error(`${name}: ${why}; stopping everything it started`);
    void cleanup().finally(() => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  setTimeout(() => stop(`over ${limitMinutes} minutes`), limitMinutes * 60_000).unref();
  try {
    await main((step) => stack.splice(1, 0, step));
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

/** Throwaway PostgreSQL + Redis on 127.0.0.1, a fresh database, migrated and seeded. */
export async function startInfra(
  volume: { customers: number; vehicles: number; workOrders?: number; appointments?: number },
  defer: (cleanup: Cleanup) => void,
) {
  const postgres = await startPostgres();
  defer(() => postgres.destroy());
  const redis = await startRedis();
  defer(() => redis.destroy());
  const databaseUrl = await createDatabase(postgres.url, 'garage_load_bench');
  const db: Database = await openDatabase({ url: databaseUrl });
  defer(() => db.close());
  await db.migrate();
  const seedStart = performance.now();
  await seed(db.prisma, { ...volume, nodeEnv: 'development' });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const vehicles = await db.prisma.vehicle.findMany({
    select: { id: true, ownerId: true, mileage: true, version: true },
    orderBy: { id: 'asc' },
  });
  const owners = new Set<number>();
  const [pg] = await db.prisma.$queryRawUnsafe<{ server_version: string }[]>('show server_version');
  const redisVersion = execFileSync(findBinary('redis-server', 'redis-server'), ['--version']);
  const customers = await db.prisma.customer.count();
  const runToken = `lbench-${randomBytes(4).toString('hex')}`;
  return {
    postgres,
    redis,
    databaseUrl,
    db,
    vehicles,
    /** One vehicle of each owner: writes to them invalidate distinct owner tags. */
    oneEachOwner: vehicles.filter((v) => !owners.has(v.ownerId) && owners.add(v.ownerId)),
    /** The built API on this database, in its own namespace (`CACHE_NAMESPACE`) of the run. */
    api: (
      name: string,
      mode: CacheMode = 'l1',
      where: { namespace?: string; redisUrl?: string; env?: Record<string, string> } = {},
    ) => {
      const namespace = `${runToken}-${where.namespace ?? name}`;
      return startApi({
        name,
        databaseUrl,
        redisUrl: where.redisUrl ?? redis.url,
        namespace,
        mode,
        ...(where.env ? { env: where.env } : {}),
      });
    },
    /** Rows of the run table. */
    described: [
      `servers | PostgreSQL ${pg?.server_version} (fsync off), Redis ${/v=(\S+)/.exec(String(redisVersion))?.[1]}: throwaway, on 127.0.0.1`,
      `data | ${customers.toLocaleString('en')} customers, ${vehicles.length.toLocaleString('en')} vehicles (seeded in ${seedSeconds.toFixed(0)} s)`,
    ],
  };
}

export type Infra = Awaited<ReturnType<typeof startInfra>>;
export type VehicleRow = Infra['vehicles'][number];
