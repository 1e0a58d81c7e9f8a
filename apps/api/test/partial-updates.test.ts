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

  async function fullCustomer() {
    return api.db.prisma.customer.create({
      data: {
        name: 'Petra Full',
        email: 'petra@example.org',
        phone: '+44 20 7946 0000',
        address: '1 Long Road',
        notes: 'prefers mornings',
      },
    });
  }

  it('customer.update({ id, name }) changes the name and nothing else', async () => {
    const before = await fullCustomer();
    await staff.customer.update.mutate({ id: before.id, name: 'Petra Renamed' });
    const after = await api.db.prisma.customer.findUniqueOrThrow({ where: { id: before.id } });
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({ ...before, name: 'Petra Renamed' });
  });

  it('customer.update clears an optional field given null or "", and only that one', async () => {
    const before = await fullCustomer();
    await staff.customer.update.mutate({ id: before.id, phone: null });
    await staff.customer.update.mutate({ id: before.id, notes: '' });
    const after = await api.db.prisma.customer.findUniqueOrThrow({ where: { id: before.id } });
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({
      ...before,
      phone: null,
      notes: null,
    });
  });

  it('vehicle.update({ id, mileage }) keeps colour and notes', async () => {
    const [first] = await api.db.prisma.vehicle.findMany({ orderBy: { id: 'asc' }, take: 1 });
    if (!first) throw new Error('seed has no vehicles');
    const before = await api.db.prisma.vehicle.update({
      where: { id: first.id },
      data: { colour: 'teal', notes: 'dent on the left door' },
    });
    await staff.vehicle.update.mutate({ id: before.id, mileage: before.mileage + 10 });
    const after = await api.db.prisma.vehicle.findUniqueOrThrow({ where: { id: before.id } });
    expect({ ...after, updatedAt: before.updatedAt }).toEqual({
      ...before,
      mileage: before.mileage + 10,
    });

    await staff.vehicle.update.mutate({ id: before.id, colour: '' });
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
