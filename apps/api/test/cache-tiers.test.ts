import { beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi } from './support/harness';

// CACHE_L1_MAX_BYTES sizes L1 (0: none), CACHE_TIERS=off turns cached reads off: the load
// benchmarks compare the three.
describe('cache tiers', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await seededDatabaseUrl();
  });

  async function routeStatsAfterThreeReads(tiers: { cacheTiers?: 'off'; l1MaxBytes?: number }) {
    const api = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), ...tiers });
    try {
      const [staff, admin] = await Promise.all([api.as('staff'), api.as('admin')]);
      for (let i = 0; i < 3; i++) await staff.vehicle.byId.query({ id: 1 });
      const stats = await admin.cache.stats.query();
      return stats.routes.find((route) => route.route === 'vehicle.byId');
    } finally {
      await api.stop();
    }
  }

  it('by default answers repeats from L1', async () => {
    expect(await routeStatsAfterThreeReads({})).toMatchObject({
      misses: 1,
      l1Hits: 2,
      l2Hits: 0,
    });
  });

  it('CACHE_L1_MAX_BYTES=0 answers repeats from Redis, never from L1', async () => {
    expect(await routeStatsAfterThreeReads({ l1MaxBytes: 0 })).toMatchObject({
      misses: 1,
      l1Hits: 0,
      l2Hits: 2,
    });
  });

  it('CACHE_TIERS=off loads every read and caches nothing', async () => {
    expect(await routeStatsAfterThreeReads({ cacheTiers: 'off' })).toBeUndefined();
  });
});
