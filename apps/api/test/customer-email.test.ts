import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, outcome, seededDatabaseUrl, startApi, type TestApi } from './support/harness';

// One customer per email, whatever its case (several may have none): a second is CONFLICT on
// the `email` field, naming the customer who has it, and PostgreSQL enforces it under races.

/** The code, field errors and `takenBy` of a rejected call. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return {
        code: String(error.data?.code),
        fieldErrors: error.data?.fieldErrors,
        takenBy: error.data?.takenBy,
      };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('unique customer emails', () => {
  let api: TestApi;
  let staff: Client;
  let alice: { id: number; name: string };

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    staff = await api.as('staff');
    alice = await api.db.prisma.customer.findUniqueOrThrow({
      where: { email: 'alice@garage.test' },
      select: { id: true, name: true },
    });
  });
  afterAll(() => api.stop());

  const takenByAlice = () => ({
    code: 'CONFLICT',
    fieldErrors: { email: ['is already the email of Alice Martin'] },
    takenBy: { email: alice },
  });

  it("create with another customer's email, in any case, is CONFLICT naming the field and who has it", async () => {
    const count = await api.db.prisma.customer.count();
    expect(
      await refusal(
        staff.customer.create.mutate({ name: 'Alice Again', email: ' ALICE@Garage.test ' }),
      ),
    ).toEqual(takenByAlice());
    expect(await api.db.prisma.customer.count()).toBe(count);
  });

  it("update to another customer's email is CONFLICT and changes nothing", async () => {
    const other = await staff.customer.create.mutate({
      name: 'Olga Other',
      email: 'olga@example.org',
    });
    const before = await api.db.prisma.customer.findUniqueOrThrow({ where: { id: other.id } });
    expect(
      await refusal(
        staff.customer.update.mutate({
          id: other.id,
          version: other.version,
          name: 'Olga Renamed',
          email: 'Alice@garage.test',
        }),
      ),
    ).toEqual(takenByAlice());
    expect(await api.db.prisma.customer.findUniqueOrThrow({ where: { id: other.id } })).toEqual(
      before,
    );
    // Her own email, in another case, is no conflict.
    expect(
      await outcome(
        staff.customer.update.mutate({
          id: other.id,
          version: other.version,
          email: 'OLGA@example.org',
        }),
      ),
    ).toBe('OK');
  });

  it('customers without an email are as many as you like', async () => {
    for (const name of ['No Mail One', 'No Mail Two', 'No Mail Three']) {
      expect(await outcome(staff.customer.create.mutate({ name, email: '' }))).toBe('OK');
    }
    expect(await outcome(staff.customer.create.mutate({ name: 'No Mail Four' }))).toBe('OK');
  });

  it('two creates racing with one email: one wins, the other is CONFLICT on the email', async () => {
    for (let round = 0; round < 5; round++) {
      const email = `race.${round}@example.org`;
      const answers = await Promise.all(
        ['Racer A', 'Racer B', 'Racer C'].map((name, index) =>
          outcome(
            staff.customer.create.mutate({
              name,
              email: index === 1 ? email.toUpperCase() : email,
            }),
          ),
        ),
      );
      expect(answers.filter((code) => code === 'OK')).toHaveLength(1);
      expect(answers.filter((code) => code === 'CONFLICT')).toHaveLength(2);
      expect(await api.db.prisma.customer.count({ where: { email } })).toBe(1);
    }
  });
});
