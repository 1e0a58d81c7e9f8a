import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVinDecoder, decodeVin, openVpicDatabase } from '../src/services/vin-decoder';

afterEach(() => {
  vi.unstubAllGlobals();
});

// One copy of the database (~75 MB) for the decoders made here, beside decodeVin's own.
let database: ReturnType<typeof openVpicDatabase> | null = null;
const sharedDatabase = () => {
  database ??= openVpicDatabase();
  return database;
};

describe('VIN decoding from the vPIC data shipped in the package', () => {
  it('decodes known VINs to make, model and year, with no network at all', async () => {
    vi.stubGlobal('fetch', () => {
      throw new Error('the VIN decoder must not fetch anything');
    });
    expect(await decodeVin('1HGCM82633A004352')).toEqual({
      make: 'Honda',
      model: 'Accord',
      year: 2003,
    });
    expect(await decodeVin(' km8k2cab4pu001140 ')).toEqual({
      make: 'Hyundai',
      model: 'Kona',
      year: 2023,
    });
  });

  it('answers null for a VIN it does not know, or one that is not a VIN', async () => {
    expect(await decodeVin('11111111111111111')).toBeNull();
    expect(await decodeVin('1HGCM82633A00435')).toBeNull();
    expect(await decodeVin('1HGCM82633A0O4352')).toBeNull();
    expect(await decodeVin("1HGCM82633A00435'")).toBeNull();
  });

  it('opens its database once, on the first decode, however many decodes wait', async () => {
    let opens = 0;
    const decoder = createVinDecoder(() => {
      opens++;
      return sharedDatabase();
    });
    expect(opens).toBe(0);
    const results = await Promise.all([
      decoder.decode('1HGCM82633A004352'),
      decoder.decode('1HGCM82633A004352'),
      decoder.decode('11111111111111111'),
    ]);
    expect(opens).toBe(1);
    expect(results.map((result) => result?.model ?? null)).toEqual(['Accord', 'Accord', null]);
  });

  it('retries the open after a failure instead of keeping the failure', async () => {
    let opens = 0;
    const decoder = createVinDecoder(() => {
      opens++;
      return opens === 1 ? Promise.reject(new Error('disk hiccup')) : sharedDatabase();
    });
    await expect(decoder.decode('1HGCM82633A004352')).rejects.toThrow('disk hiccup');
    expect((await decoder.decode('1HGCM82633A004352'))?.make).toBe('Honda');
    expect(opens).toBe(2);
  });
});
