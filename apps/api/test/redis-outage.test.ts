import { freePort, startTcpProxy, type TcpProxy } from '@garage/test-services';
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
        const during = await staff.vehicle.update.mutate({ id, mileage: before.mileage + 7 });
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
});
