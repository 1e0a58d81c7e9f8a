import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';

// Search matches what was typed: `%`, `_` and `\` are characters, not LIKE wildcards.

describe('search treats LIKE wildcards literally', () => {
  let api: TestApi;
  let staff: Client;
  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
    for (const name of ['Fleet 100% Ltd', 'Under_Score Motors', 'Back\\Slash Cars']) {
      const owner = await api.db.prisma.customer.create({ data: { name } });
      await api.db.prisma.vehicle.create({
        data: {
          ownerId: owner.id,
          vin: `SRCH${String(owner.id).padStart(13, '0')}`,
          plate: 'SRCH 1',
          make: 'Make',
          model: 'Model',
          year: 2020,
          mileage: 1,
        },
      });
    }
  });
  afterAll(() => api.stop());

  it.each([
    ['%', 'Fleet 100% Ltd'],
    ['_', 'Under_Score Motors'],
    ['\\', 'Back\\Slash Cars'],
    ['0%', 'Fleet 100% Ltd'],
    ['r_S', 'Under_Score Motors'],
  ])('customers: %s', async (search, name) => {
    const page = await staff.customer.list.query({ search, limit: 100 });
    expect(page.items.map((customer) => customer.name)).toEqual([name]);
  });

  it.each([
    ['%', 'Fleet 100% Ltd'],
    ['_', 'Under_Score Motors'],
    ['\\', 'Back\\Slash Cars'],
  ])('vehicles (by owner name): %s', async (search, name) => {
    const page = await staff.vehicle.list.query({ search, limit: 100 });
    expect(page.items.map((vehicle) => vehicle.owner.name)).toEqual([name]);
  });
});
