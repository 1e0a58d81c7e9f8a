import { beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi } from './support/harness';

// CACHE_TIERS picks which tiers serve reads (the load benchmarks compare them).
describe('CACHE_TIERS', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await seededDatabaseUrl();
  });

  async function routeStatsAfterThreeReads(cacheTiers: 'l1+l2' | 'l2' | 'off') {
    const api = await startApi({ databaseUrl, redisUrl: inject('redisUrl'), cacheTiers });
    try {
      const [staff, admin] = await Promise.all([api.as('staff'), api.as('admin')]);
      for (let i = 0; i < 3; i++) await staff.vehicle.byId.query({ id: 1 });
      const stats = await admin.cache.stats.query();
      return stats.routes.find((route) => route.route === 'vehicle.byId');
    } finally {
      await api.stop();
    }
  }

  it('l1+l2 answers repeats from L1', async () => {
    expect(await routeStatsAfterThreeReads('l1+l2')).toMatchObject({
      misses: 1,
      l1Hits: 2,
      l2Hits: 0,
    });
  });

  it('l2 answers repeats from Redis, never from L1', async () => {
    expect(await routeStatsAfterThreeReads('l2')).toMatchObject({
      misses: 1,
      l1Hits: 0,
      l2Hits: 2,
    });
  });

  it('off loads every read and caches nothing', async () => {
    expect(await routeStatsAfterThreeReads('off')).toBeUndefined();
  });
});
