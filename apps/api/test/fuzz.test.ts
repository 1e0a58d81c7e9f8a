import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';

// Generated inputs thrown at every mutation over real HTTP: whatever comes in, the answer is
// never a 5xx, a key the procedure does not know is refused, a rejected request changes
// nothing in the database, and an accepted one changes only the row and the fields it names.

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

// Keys no procedure knows, and near misses of real ones: each must be refused.
const unknownKeys = ['junk', 'Name', 'ownerID', 'colour ', 'constructor'];
const idValue = fc.oneof(fc.integer({ min: 1, max: 40 }), jsonValue);

const inputFor = (names: string[]) => {
  const keyed = fc.dictionary(fc.constantFrom(...names, ...unknownKeys), jsonValue, {
    maxKeys: names.length,
  });
  return fc.oneof(
    keyed,
    // A partial update or a delete: an id that often exists, and some of the other fields.
    fc.tuple(idValue, keyed).map(([id, rest]) => ({ ...rest, id })),
    jsonValue,
  );
};

type Row = { id: number } & Record<string, unknown>;
type Snapshot = { customer: Row[]; vehicle: Row[] };

/** A row as it compares: without `updatedAt`, which any accepted write may move. */
const comparable = ({ updatedAt: _moved, ...row }: Row) => JSON.stringify(row);

/** What an accepted call may have changed, given its input; everything else must be equal. */
function expectOnlyNamedChanges(
  procedure: string,
  input: Record<string, unknown>,
  before: Snapshot,
  after: Snapshot,
) {
  const [entity, action] = procedure.split('.') as ['customer' | 'vehicle', string];
  const other = entity === 'customer' ? 'vehicle' : 'customer';
  expect(after[other].map(comparable)).toEqual(before[other].map(comparable));
  const rows = (snapshot: Snapshot) => new Map(snapshot[entity].map((row) => [row.id, row]));
  const [was, is] = [rows(before), rows(after)];
  const untouched = (id: number) => action === 'create' || id !== input.id;
  for (const [id, row] of was) {
    if (untouched(id)) expect(is.get(id) && comparable(is.get(id) as Row)).toBe(comparable(row));
  }
  if (action === 'create') expect(is.size).toBe(was.size + 1);
  if (action === 'delete') expect(is.has(Number(input.id))).toBe(false);
  if (action === 'update') {
    const previous = was.get(Number(input.id));
    const current = is.get(Number(input.id));
    if (!previous || !current) throw new Error(`update of a missing row: ${JSON.stringify(input)}`);
    for (const column of Object.keys(previous)) {
      if (column === 'updatedAt' || column in input) continue;
      expect(current[column], `${column} was not named`).toEqual(previous[column]);
    }
  }
}

describe('fuzzed mutations', () => {
  let api: TestApi;
  let cookie = '';

  async function snapshot(): Promise<Snapshot> {
    const [customer, vehicle] = await Promise.all([
      api.db.prisma.customer.findMany({ orderBy: { id: 'asc' } }),
      api.db.prisma.vehicle.findMany({ orderBy: { id: 'asc' } }),
    ]);
    return { customer, vehicle };
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
    '%s: no 5xx; unknown keys refused; a refused request changes nothing, an accepted one only what it names',
    async (procedure, names) => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(inputFor(names), async (input) => {
          const before = await snapshot();
          const response = await fetch(`${api.base}/trpc/${procedure}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ json: input }),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const sent = JSON.stringify(input);
          expect(response.status, sent).toBeLessThan(500);
          const after = await snapshot();
          const keyed = typeof input === 'object' && input !== null && !Array.isArray(input);
          if (keyed && Object.keys(input).some((key) => !names.includes(key))) {
            expect(response.status, sent).toBe(400);
          }
          if (response.status >= 400) expect(after, sent).toEqual(before);
          else expectOnlyNamedChanges(procedure, input as Record<string, unknown>, before, after);
        }),
        { numRuns: runs, seed: 20261123 },
      );
      // The generator must reach the validation, not only the type checks in front of it, and
      // (for all but create, whose required fields random values rarely fill) a success.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
      if (!procedure.endsWith('.create')) expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    },
    300_000,
  );
});
