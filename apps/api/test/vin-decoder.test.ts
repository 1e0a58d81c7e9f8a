import { vinCheckDigit } from '@garage/validators';
import { TRPCError } from '@trpc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toTRPCError } from '../src/errors';
import { createVinDecoder, type VinDecoder } from '../src/services/vin-decoder/decoder';
import { createVinDecoding, openVpicDatabase } from '../src/services/vin-decoder/vpic';
import { type Client, seededDatabaseUrl, startApi, type TestApi } from './support/harness';

afterEach(() => {
  vi.unstubAllGlobals();
});

// One copy of the database (~75 MB) for the in-thread decoders made here.
let database: ReturnType<typeof openVpicDatabase> | null = null;
const sharedDatabase = () => {
  database ??= openVpicDatabase();
  return database;
};

/** `count` different valid VINs of 2003 Honda Accords (serials from `from` on). */
function accordVins(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => {
    const draft = `1HGCM82603A${String(from + i).padStart(6, '0')}`;
    return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
  });
}

/** The tRPC code a decode's refusal is answered with (errors.ts maps it), or `OK`. */
const codeOf = (outcome: PromiseSettledResult<unknown>) => {
  if (outcome.status === 'fulfilled') return 'OK';
  const answered = toTRPCError(outcome.reason);
  return answered instanceof TRPCError ? answered.code : String(outcome.reason);
};

describe('VIN decoding over the vPIC data shipped in the package (in one thread)', () => {
  it('decodes known VINs to make, model and year, with no network at all', async () => {
    vi.stubGlobal('fetch', () => {
      throw new Error('the VIN decoder must not fetch anything');
    });
    const decoding = createVinDecoding(sharedDatabase);
    expect(await decoding.decode('1HGCM82633A004352')).toEqual({
      make: 'Honda',
      model: 'Accord',
      year: 2003,
    });
    expect(await decoding.decode('KM8K2CAB4PU001140')).toEqual({
      make: 'Hyundai',
      model: 'Kona',
      year: 2023,
    });
    expect(await decoding.decode('11111111111111111')).toBeNull();
  });

  it('opens its database once, on the first decode, however many decodes wait', async () => {
    let opens = 0;
    const decoding = createVinDecoding(() => {
      opens++;
      return sharedDatabase();
    });
    expect(opens).toBe(0);
    const results = await Promise.all([
      decoding.decode('1HGCM82633A004352'),
      decoding.decode('1HGCM82633A004352'),
      decoding.decode('11111111111111111'),
    ]);
    expect(opens).toBe(1);
    expect(results.map((result) => result?.model ?? null)).toEqual(['Accord', 'Accord', null]);
  });

  it('retries the open after a failure instead of keeping the failure', async () => {
    let opens = 0;
    const decoding = createVinDecoding(() => {
      opens++;
      return opens === 1 ? Promise.reject(new Error('disk hiccup')) : sharedDatabase();
    });
    await expect(decoding.decode('1HGCM82633A004352')).rejects.toThrow('disk hiccup');
    expect((await decoding.decode('1HGCM82633A004352'))?.make).toBe('Honda');
    expect(opens).toBe(2);
  });

  it("keeps corgi's own query cache to the last few decodes: an older VIN is read again", async () => {
    const counter = { queries: 0 };
    const decoding = createVinDecoding(sharedDatabase, { renewEvery: 3, counter });
    const [first, ...others] = ['1HGCM82633A004352', 'KM8K2CAB4PU001140', '3VW2B7AJ8HM123456'];
    await decoding.decode(first ?? '');
    const queriesOfOne = counter.queries;
    expect(queriesOfOne).toBeGreaterThan(0);
    // Within the same decoder, corgi answers a repeated VIN from its cache: no query at all.
    await decoding.decode(first ?? '');
    expect(counter.queries).toBe(queriesOfOne);
    for (const vin of others) await decoding.decode(vin);
    const before = counter.queries;
    // Renewed since: what corgi kept is gone, and the database is asked again.
    await decoding.decode(first ?? '');
    expect(counter.queries - before).toBe(queriesOfOne);
  });
});

describe('the VIN decoder of an app: a worker thread, a bounded queue, a bounded cache', () => {
  const decoders: VinDecoder[] = [];
  const decoder = (limits: { maxQueued: number; cachedResults: number }) => {
    const made = createVinDecoder(limits);
    decoders.push(made);
    return made;
  };
  afterAll(async () => {
    for (const made of decoders) await made.close();
  });

  it('decodes in its worker, and answers null for what is not a VIN without asking it', async () => {
    const vins = decoder({ maxQueued: 10, cachedResults: 10 });
    expect(await vins.decode(' 1hgcm82633a004352 ')).toEqual({
      make: 'Honda',
      model: 'Accord',
      year: 2003,
    });
    expect(await vins.decode('1HGCM82633A00435')).toBeNull();
    expect(await vins.decode("1HGCM82633A00435'")).toBeNull();
  });

  it('refuses decodes past its queue at once, with TOO_MANY_REQUESTS naming the limit', async () => {
    const vins = decoder({ maxQueued: 3, cachedResults: 10 });
    const outcomes = await Promise.allSettled(accordVins(10).map((vin) => vins.decode(vin)));
    expect(outcomes.map(codeOf)).toEqual([
      ...Array(3).fill('OK'),
      ...Array(7).fill('TOO_MANY_REQUESTS'),
    ]);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' && String(refused.reason.message)).toContain('3 VINs');
    // Once the queue drains, decodes are taken again.
    expect((await vins.decode(accordVins(1, 50)[0] ?? ''))?.model).toBe('Accord');
  });

  it('keeps at most its bound of answers, the most recent', async () => {
    const vins = decoder({ maxQueued: 50, cachedResults: 5 });
    for (const vin of accordVins(12)) await vins.decode(vin);
    expect(vins.cachedResults).toBe(5);
  });
});

describe('vehicle.decodeVin over HTTP', () => {
  let api: TestApi;
  let staff: Client;

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl() });
    staff = await api.as('staff');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('100 decodes in parallel do not hold /healthz: it answers while they are still running', async () => {
    // The data is open (the first decode opens it), so what follows is decoding alone.
    await staff.vehicle.decodeVin.query({ vin: '1HGCM82633A004352' });
    let settled = 0;
    const decodes = accordVins(100, 1_000).map((vin) =>
      staff.vehicle.decodeVin.query({ vin }).finally(() => settled++),
    );
    const health = await fetch(`${api.base}/healthz`);
    const settledWhenHealthy = settled;
    const answers = await Promise.all(decodes);
    expect(health.status).toBe(200);
    expect(settledWhenHealthy).toBeLessThan(answers.length);
    expect(answers.every((answer) => answer?.model === 'Accord')).toBe(true);
  });
});
