import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';

// An update names the fields it changes: an omitted field keeps its value, `null` or "" clears
// an optional one. Checked in the database, not only in the response.

describe('partial updates', () => {
  let api: TestApi;
  let staff: Client;
  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
  });
  afterAll(() => api.stop());

  let serial = 0;
  async function fullCustomer() {
    return api.db.prisma.customer.create({
      data: {
        name: 'Petra Full',
        // Emails are unique: one per customer made here.
        email: `petra.${++serial}@example.org`,
        phone: '+44 20 7946 0000',
        address: '1 Long Road',
        notes: 'prefers mornings',
      },
    });
  }

  it('customer.update({ id, name }) changes the name and nothing else', async () => {
    const before = await fullCustomer();
    await staff.customer.update.mutate({
      id: before.id,
      version: before.version,
      name: 'Petra Renamed',
    });
    const after = await api.db.prisma.customer.findUniqueOrThrow({ where: { id: before.id } });
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({
      ...before,
      name: 'Petra Renamed',
      version: before.version + 1,
    });
  });

  it('customer.update clears an optional field given null or "", and only that one', async () => {
    const before = await fullCustomer();
    const { version } = await staff.customer.update.mutate({
      id: before.id,
      version: before.version,
      phone: null,
    });
    await staff.customer.update.mutate({ id: before.id, version, notes: '' });
    const after = await api.db.prisma.customer.findUniqueOrThrow({ where: { id: before.id } });
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({
      ...before,
      phone: null,
      notes: null,
      version: before.version + 2,
    });
  });

  it('vehicle.update({ id, mileage }) keeps colour and notes', async () => {
    const [first] = await api.db.prisma.vehicle.findMany({ orderBy: { id: 'asc' }, take: 1 });
    if (!first) throw new Error('seed has no vehicles');
    const before = await api.db.prisma.vehicle.update({
      where: { id: first.id },
      data: { colour: 'teal', notes: 'dent on the left door' },
    });
    await staff.vehicle.update.mutate({
      id: before.id,
      version: before.version,
      mileage: before.mileage + 10,
    });
    const after = await api.db.prisma.vehicle.findUniqueOrThrow({ where: { id: before.id } });
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({
      ...before,
      mileage: before.mileage + 10,
      version: before.version + 1,
    });

    await staff.vehicle.update.mutate({ id: before.id, version: after.version, colour: '' });
    const cleared = await api.db.prisma.vehicle.findUniqueOrThrow({ where: { id: before.id } });
    expect(cleared).toMatchObject({ colour: null, notes: 'dent on the left door' });
  });

  it('customer.create without optional fields stores them as null', async () => {
    const created = await staff.customer.create.mutate({ name: 'Quentin Bare' });
    expect(
      await api.db.prisma.customer.findUniqueOrThrow({ where: { id: created.id } }),
    ).toMatchObject({ email: null, phone: null, address: null, notes: null });
  });
});
