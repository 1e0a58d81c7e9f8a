import { freePort, startTcpProxy, type TcpProxy } from '@garage/test-services';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';

describe('Redis unreachable', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await seededDatabaseUrl();
  });

  it('at start: sign-in, reads and writes all answer from PostgreSQL', async () => {
    const api = await startApi({ databaseUrl, redisUrl: `redis://127.0.0.1:${await freePort()}` });
    try {
      const staff = await api.as('staff');
      const page = await staff.vehicle.list.query({});
      const first = page.items[0];
      if (!first) throw new Error('no vehicles');
      const updated = await staff.vehicle.update.mutate({
        id: first.id,
        version: first.version,
        mileage: first.mileage + 5,
      });
      expect((await staff.vehicle.byId.query({ id: first.id })).mileage).toBe(updated.mileage);
      const admin = await api.as('admin');
      expect((await admin.cache.stats.query()).mode).toBe('degraded');
    } finally {
      await api.stop();
    }
  });

  describe('mid-run, through a proxy that is cut and restored', () => {
    let proxy: TcpProxy;
    let api: TestApi;
    let staff: Client;
    let admin: Client;

    beforeAll(async () => {
      const redisPort = Number(new URL(inject('redisUrl')).port);
      proxy = await startTcpProxy(redisPort);
      api = await startApi({
        databaseUrl,
        redisUrl: `redis://127.0.0.1:${proxy.port}`,
        namespace: `outage-${process.pid}`,
      });
      [staff, admin] = await Promise.all([api.as('staff'), api.as('admin')]);
    });
    afterAll(async () => {
      await api.stop();
      await proxy.close();
    });

    it.each(['reset', 'blackhole'] as const)(
      'keeps answering while Redis is cut (%s), and nothing stale survives the outage',
      async (mode) => {
        const id = (await staff.vehicle.list.query({})).items[0]?.id ?? 0;
        const before = await staff.vehicle.byId.query({ id });

        proxy.cut(mode);
        const during = await staff.vehicle.update.mutate({
          id,
          version: before.version,
          mileage: before.mileage + 7,
        });
        expect((await staff.vehicle.byId.query({ id })).mileage).toBe(during.mileage);
        expect((await staff.vehicle.list.query({ limit: 100 })).items.length).toBeGreaterThan(0);
        expect((await admin.cache.stats.query()).mode).toBe('degraded');

        proxy.restore();
        // A fresh instance on the same Redis must not read the pre-outage entry: the
        // invalidation made during the cut is replayed once Redis answers again.
        let fresh: TestApi | undefined;
        try {
          let replayed = false;
          for (let attempt = 0; attempt < 100 && !replayed; attempt++) {
            replayed =
              (await admin.cache.stats.query()).pendingInvalidations === 0 &&
              (await admin.cache.stats.query()).mode === 'connected';
            if (!replayed) await new Promise((resolve) => setTimeout(resolve, 50));
          }
          expect(replayed).toBe(true);
          fresh = await startApi({
            databaseUrl,
            redisUrl: inject('redisUrl'),
            namespace: `outage-${process.pid}`,
          });
          const other = await fresh.as('staff');
          expect((await other.vehicle.byId.query({ id })).mileage).toBe(during.mileage);
        } finally {
          await fresh?.stop();
        }
      },
    );
  });

  it('an admin clear while Redis hangs drops L1 at once and is queued, never a 500; the circuit is logged opening and closing once', async () => {
    const redisPort = Number(new URL(inject('redisUrl')).port);
    const proxy = await startTcpProxy(redisPort);
    const lines: { level: number; msg: string }[] = [];
    const log = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    );
    const api = await startApi({ databaseUrl, redisUrl: `redis://127.0.0.1:${proxy.port}`, log });
    const circuit = (level: number) =>
      lines.filter((line) => line.level === level && line.msg.includes('Redis circuit')).length;
    try {
      const [staff, admin] = await Promise.all([api.as('staff'), api.as('admin')]);
      let warmed = 0;
      for (let attempt = 0; attempt < 100 && warmed === 0; attempt++) {
        await staff.vehicle.byId.query({ id: 1 });
        warmed = (await admin.cache.stats.query()).l1.entries;
      }
      expect(warmed).toBeGreaterThan(0);

      proxy.cut('blackhole');
      expect(await admin.cache.count.query({ all: true })).toEqual({ entries: null });
      expect(await admin.cache.invalidate.mutate({ all: true })).toEqual({
        removed: null,
        queued: true,
      });
      const [line] = await admin.cache.audit.query({ limit: 1 });
      expect(line).toMatchObject({ target: 'everything', queued: true, removed: null });
      const during = await admin.cache.stats.query();
      expect(during.mode).toBe('degraded');
      expect(during.pendingInvalidations).toBeGreaterThan(0);
      expect(during.l1.entries).toBe(0);
      // Reads go on without Redis; enough failures open the circuit.
      for (let attempt = 0; attempt < 50 && circuit(40) === 0; attempt++) {
        await staff.vehicle.byId.query({ id: 1 });
      }
      expect(circuit(40)).toBe(1);

      proxy.restore();
      let connected = false;
      for (let attempt = 0; attempt < 200 && !connected; attempt++) {
        const stats = await admin.cache.stats.query();
        connected = stats.mode === 'connected' && stats.pendingInvalidations === 0;
        if (!connected) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(connected).toBe(true);
      expect({ opened: circuit(40), closed: circuit(30) }).toEqual({ opened: 1, closed: 1 });
    } finally {
      await api.stop();
      await proxy.close();
    }
  });
});
