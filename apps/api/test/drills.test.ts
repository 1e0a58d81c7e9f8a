import { openDatabase } from '@garage/db';
import { seed } from '@garage/db/seed';
import {
  createDatabase,
  type PostgresServer,
  type RedisServer,
  startPostgres,
  startRedis,
  startTcpProxy,
} from '@garage/test-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './support/harness';
import { startLoad, waitForCalls } from './support/load';

// Fault drills, short versions: real servers owned by this file, stopped and started under
// load. No timing is asserted; a call that hangs past the client timeout counts as `timeout`.

const clientTimeoutMs = 10_000;

async function signIn(api: TestApi, email: string): Promise<string> {
  const response = await fetch(`${api.base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email, password: 'garage-demo' } }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function caller(api: TestApi, cookie: string) {
  return {
    async query(path: string, input: unknown): Promise<{ status: number; body: unknown }> {
      const url = `${api.base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      const response = await fetch(url, {
        headers: { cookie },
        signal: AbortSignal.timeout(clientTimeoutMs),
      });
      return { status: response.status, body: await response.json() };
    },
    async mutate(path: string, input: unknown): Promise<{ status: number; body: unknown }> {
      const response = await fetch(`${api.base}/trpc/${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ json: input }),
        signal: AbortSignal.timeout(clientTimeoutMs),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}

const mileageOf = (body: unknown) =>
  (body as { result: { data: { json: { mileage: number } } } }).result.data.json.mileage;
const versionOf = (body: unknown) =>
  (body as { result: { data: { json: { version: number } } } }).result.data.json.version;
const conflictVersionOf = (body: unknown) =>
  (body as { error: { json: { data: { conflict: { version: number } } } } }).error.json.data
    .conflict.version;

/**
 * Sets a vehicle's mileage as the vehicle form would: on top of the version it reads. A save
 * refused because a write whose answer was lost with its connection moved the version on is
 * saved again on top of that one ("keep mine", as the form offers).
 */
async function saveMileage(staff: ReturnType<typeof caller>, id: number, mileage: number) {
  const read = await staff.query('vehicle.byId', { id });
  if (read.status !== 200) return read;
  const saved = await staff.mutate('vehicle.update', {
    id,
    version: versionOf(read.body),
    mileage,
  });
  if (saved.status !== 409) return saved;
  return staff.mutate('vehicle.update', { id, version: conflictVersionOf(saved.body), mileage });
}

describe('fault drills', () => {
  let postgres: PostgresServer;
  let redis: RedisServer;
  let databaseUrl: string;
  let vehicleIds: number[];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    databaseUrl = await createDatabase(postgres.url, 'garage_test_drills');
    const db = await openDatabase({ url: databaseUrl });
    await db.migrate();
    await seed(db.prisma, { customers: 50, vehicles: 120 });
    vehicleIds = (
      await db.prisma.vehicle.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
    ).map((v) => v.id);
    await db.close();
  });
  afterAll(async () => {
    await Promise.all([postgres.destroy(), redis.destroy()]);
  });

  it('Redis cut under load: no failed request, and no stale value survives the cut', async () => {
    const proxy = await startTcpProxy(redis.port);
    const namespace = `drill-cut-${process.pid}`;
    const api = await startApi({
      databaseUrl,
      redisUrl: `redis://127.0.0.1:${proxy.port}`,
      namespace,
    });
    const staff = caller(api, await signIn(api, 'staff@garage.test'));
    const written = new Map<number, number>();
    try {
      const load = startLoad(8, async (index) => {
        const id = vehicleIds[index % 40] ?? 1;
        if (index % 10 === 0) {
          // A vehicle's writes are 400 calls apart: none is refused for another write of the
          // same vehicle after its read.
          const writing = vehicleIds[(index / 10) % 40] ?? 1;
          const current = await staff.query('vehicle.byId', { id: writing });
          const next = mileageOf(current.body) + 1;
          const result = await staff.mutate('vehicle.update', {
            id: writing,
            version: versionOf(current.body),
            mileage: next,
          });
          if (result.status === 200) written.set(writing, next);
          return String(result.status);
        }
        return String(
          (await staff.query(index % 3 ? 'vehicle.byId' : 'vehicle.list', index % 3 ? { id } : {}))
            .status,
        );
      });
      await waitForCalls(load, 300);
      proxy.cut('blackhole');
      await waitForCalls(load, 300);
      proxy.cut('reset');
      await waitForCalls(load, 300);
      proxy.restore();
      await waitForCalls(load, 300);
      const report = await load.stop();
      expect(report.outcomes).toEqual({ '200': report.calls });
    } finally {
      await api.stop();
      await proxy.close();
    }

    // Every write acknowledged during the cut is what a brand-new instance reads.
    const fresh = await startApi({ databaseUrl, redisUrl: redis.url, namespace });
    try {
      const reader = caller(fresh, await signIn(fresh, 'staff@garage.test'));
      expect(written.size).toBeGreaterThan(0);
      for (const [id, mileage] of written) {
        expect(mileageOf((await reader.query('vehicle.byId', { id })).body), `vehicle ${id}`).toBe(
          mileage,
        );
      }
    } finally {
      await fresh.stop();
    }
  });

  it('Redis restarted empty: nothing errors, and the cache fills again', async () => {
    const api = await startApi({
      databaseUrl,
      redisUrl: redis.url,
      namespace: `drill-restart-${process.pid}`,
    });
    const staff = caller(api, await signIn(api, 'staff@garage.test'));
    const admin = caller(api, await signIn(api, 'admin@garage.test'));
    try {
      const load = startLoad(6, async (index) =>
        String((await staff.query('vehicle.byId', { id: vehicleIds[index % 60] ?? 1 })).status),
      );
      await waitForCalls(load, 300);
      await redis.stop();
      await waitForCalls(load, 300);
      await redis.start();
      let keys = 0;
      for (let attempt = 0; attempt < 200 && keys === 0; attempt++) {
        await waitForCalls(load, 20);
        const stats = (await admin.query('cache.stats', undefined)).body as {
          result: {
            data: { json: { mode: string; redis: { namespaceKeys: number | null } | null } };
          };
        };
        const { mode, redis: redisStats } = stats.result.data.json;
        keys = mode === 'connected' ? (redisStats?.namespaceKeys ?? 0) : 0;
      }
      const report = await load.stop();
      expect(report.outcomes).toEqual({ '200': report.calls });
      expect(keys).toBeGreaterThan(0);
    } finally {
      await api.stop();
    }
  });

  it('PostgreSQL restarted under load: a clear 503 (never a hang) while down, recovery without a restart, no lost acknowledged write', async () => {
    const api = await startApi({
      databaseUrl,
      redisUrl: redis.url,
      namespace: `drill-pg-${process.pid}`,
    });
    const staff = caller(api, await signIn(api, 'staff@garage.test'));
    const acknowledged = new Map<number, number>();
    const messages = new Set<string>();
    try {
      const load = startLoad(6, async (index) => {
        const id = vehicleIds[60 + (index % 40)] ?? 1;
        // Uncached reads (a fresh search each time) and writes: both need the database.
        const result =
          index % 4 === 0
            ? await saveMileage(staff, id, 1_000_000 + index)
            : await staff.query('customer.list', { search: `drill-${index}` });
        if (result.status === 200 && index % 4 === 0) acknowledged.set(id, 1_000_000 + index);
        if (result.status === 503) {
          messages.add(
            (result.body as { error: { json: { message: string } } }).error.json.message,
          );
        }
        return String(result.status);
      });
      await waitForCalls(load, 200);
      await postgres.stop();
      await waitForCalls(load, 200);
      await postgres.start();
      // Recovery on its own: keep the load running until requests succeed again.
      let recovered = false;
      for (let attempt = 0; attempt < 300 && !recovered; attempt++) {
        recovered =
          (await staff.query('customer.list', { search: `after-${attempt}` })).status === 200;
        if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await waitForCalls(load, 200);
      const report = await load.stop();

      expect(recovered).toBe(true);
      expect(Object.keys(report.outcomes).sort()).toEqual(['200', '503']);
      expect([...messages]).toEqual(['the database is unavailable; try again in a moment']);
    } finally {
      await api.stop();
    }

    // Each vehicle holds its last acknowledged mileage, or a later one whose answer was lost
    // with the connection; never an older value.
    const db = await openDatabase({ url: databaseUrl });
    try {
      for (const [id, mileage] of acknowledged) {
        const row = await db.prisma.vehicle.findUniqueOrThrow({ where: { id } });
        expect(row.mileage).toBeGreaterThanOrEqual(mileage);
      }
    } finally {
      await db.close();
    }
  });
});
