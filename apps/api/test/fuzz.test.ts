import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';

// Generated inputs thrown at every mutation over real HTTP: whatever comes in, the answer is
// never a 5xx, and a rejected request changes nothing in the database.

const runs = 1_000;

/** Anything a JSON body can hold, biased towards the shapes and edges our fields see. */
const jsonValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 190, maxLength: 320 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -1,
    1.5,
    1885,
    2_147_483_648,
    Number.MAX_SAFE_INTEGER,
    '',
    ' ',
    '17',
    null,
    true,
  ),
  fc.constantFrom(
    '1HGCM82633A004352',
    '1HGCM82643A004352',
    'WVWZZZ1JZXW000001',
    'IOQ45678901234567',
  ),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({}),
);

const fields = {
  customer: ['id', 'name', 'email', 'phone', 'address', 'notes'],
  vehicle: [
    'id',
    'ownerId',
    'vin',
    'vinCheckDigit',
    'plate',
    'make',
    'model',
    'year',
    'mileage',
    'colour',
    'notes',
    'allowMileageDecrease',
  ],
};

const inputFor = (names: string[]) =>
  fc.oneof(
    fc.dictionary(fc.constantFrom(...names), jsonValue, { maxKeys: names.length }),
    jsonValue,
  );

describe('fuzzed mutations', () => {
  let api: TestApi;
  let cookie = '';

  async function fingerprint(): Promise<string> {
    const [customers, vehicles] = await Promise.all([
      api.db.prisma.customer.findMany({ orderBy: { id: 'asc' } }),
      api.db.prisma.vehicle.findMany({ orderBy: { id: 'asc' } }),
    ]);
    return JSON.stringify({ customers, vehicles });
  }

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    const login = await fetch(`${api.base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'staff@garage.test', password: 'garage-demo' } }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(() => api.stop());

  it.each([
    ['customer.create', fields.customer],
    ['customer.update', fields.customer],
    ['customer.delete', ['id']],
    ['vehicle.create', fields.vehicle],
    ['vehicle.update', fields.vehicle],
    ['vehicle.delete', ['id']],
  ])(
    '%s: no 5xx, and a rejected request changes nothing',
    async (procedure, names) => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(inputFor(names), async (input) => {
          const before = await fingerprint();
          const response = await fetch(`${api.base}/trpc/${procedure}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ json: input }),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, JSON.stringify(input)).toBeLessThan(500);
          if (response.status >= 400) expect(await fingerprint()).toBe(before);
        }),
        { numRuns: runs, seed: 20261123 },
      );
      // The generator must reach the validation, not only the type checks in front of it.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    },
    300_000,
  );
});
