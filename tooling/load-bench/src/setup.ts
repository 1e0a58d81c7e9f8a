import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { type Database, openDatabase, seed } from '@garage/db';
import {
  createDatabase,
  findBinary,
  type PostgresServer,
  type RedisServer,
  startPostgres,
  startRedis,
} from '@garage/test-services';

const exec = promisify(execFile);

export interface Infra {
  postgres: PostgresServer;
  redis: RedisServer;
  databaseUrl: string;
  db: Database;
  /** A per-run token: every instance's CACHE_NAMESPACE starts with it. */
  runToken: string;
  seedSeconds: number;
}

/** What every benchmark section states about its run. */
export interface RunHeader {
  date: string;
  durationS: number;
  load: { start: number; end: number };
  machine: Machine;
  seedSeconds: number;
  customers: number;
  vehicles: number;
}

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  redis: string;
  platform: string;
  /** The commit the workspace (and so the built API) was at. */
  commit: string;
}

/** Throwaway PostgreSQL + Redis on 127.0.0.1, a fresh database, migrated and seeded. */
export async function startInfra(
  volume: { customers: number; vehicles: number },
  started: (infra: Partial<Infra>) => void,
): Promise<Infra> {
  const postgres = await startPostgres();
  started({ postgres });
  const redis = await startRedis();
  started({ postgres, redis });
  const databaseUrl = await createDatabase(postgres.url, 'garage_load_bench');
  const db = await openDatabase({ url: databaseUrl });
  started({ postgres, redis, db });
  await db.migrate();
  const seedStart = performance.now();
  await seed(db.prisma, { ...volume, nodeEnv: 'development' });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  return {
    postgres,
    redis,
    databaseUrl,
    db,
    runToken: `lbench-${randomBytes(4).toString('hex')}`,
    seedSeconds,
  };
}

export async function machineInfo(infra: Infra): Promise<Machine> {
  const [row] =
    await infra.db.prisma.$queryRawUnsafe<{ server_version: string }[]>('show server_version');
  const redisBinary = findBinary('redis-server', 'redis-server');
  const { stdout } = await exec(redisBinary, ['--version']);
  const cpu = cpus();
  const commit = await exec('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: new URL('.', import.meta.url),
  }).then(
    ({ stdout: sha }) => sha.trim(),
    () => 'unknown',
  );
  return {
    commit,
    cores: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: row?.server_version ?? 'unknown',
    redis: /v=(\S+)/.exec(stdout)?.[1] ?? stdout.trim(),
    platform: `${process.platform} ${process.arch}`,
  };
}

export function load1(): number {
  return loadavg()[0] ?? Number.NaN;
}

export interface VehicleRow {
  id: number;
  ownerId: number;
  mileage: number;
}

/** What the scenarios pick from: ids, and vehicles of distinct owners. */
export async function dataSet(db: Database) {
  const all = await db.prisma.vehicle.findMany({
    select: { id: true, ownerId: true, mileage: true },
    orderBy: { id: 'asc' },
  });
  const seenOwners = new Set<number>();
  const oneEachOwner: VehicleRow[] = [];
  for (const row of all) {
    if (seenOwners.has(row.ownerId)) continue;
    seenOwners.add(row.ownerId);
    oneEachOwner.push(row);
  }
  return { all, oneEachOwner };
}
