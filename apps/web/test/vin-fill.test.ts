import { describe, expect, it } from 'vitest';
import { blankVehicle } from '~/components/vehicles/vehicle-draft';
import { applyDecodedVin, decodableVin } from '~/components/vehicles/vin-fill';

const accord = { make: 'HONDA', model: 'Accord', year: '2003' };
const civic = { make: 'HONDA', model: 'Civic', year: '2010' };

describe('decodableVin', () => {
  it('normalizes a typed VIN as the API does', () => {
    expect(decodableVin(' 1hgcm8263-3a004352 ')).toBe('1HGCM82633A004352');
  });

  it('is null until 17 valid characters are typed', () => {
    expect(decodableVin('1HGCM82633A00435')).toBeNull();
    expect(decodableVin('1HGCM82633A0043521')).toBeNull();
    expect(decodableVin('1HGCM82633A00435O')).toBeNull();
    expect(decodableVin('')).toBeNull();
  });
});

describe('applyDecodedVin', () => {
  it('fills empty fields', () => {
    expect(applyDecodedVin({ ...blankVehicle, vin: 'x' }, null, accord)).toMatchObject({
      vin: 'x',
      ...accord,
    });
  });

  it('keeps what the user typed', () => {
    const draft = { ...blankVehicle, make: 'Honda', year: '2004' };
    expect(applyDecodedVin(draft, null, accord)).toMatchObject({
      make: 'Honda',
      model: 'Accord',
      year: '2004',
    });
  });

  it('replaces what a previous decode filled, but not a field edited since', () => {
    const decodedOnce = applyDecodedVin(blankVehicle, null, accord);
    const edited = { ...decodedOnce, model: 'Accord EX' };
    expect(applyDecodedVin(edited, accord, civic)).toMatchObject({
      make: 'HONDA',
      model: 'Accord EX',
      year: '2010',
    });
  });

  it('counts a field of blanks as empty', () => {
    expect(applyDecodedVin({ ...blankVehicle, make: '  ' }, null, accord).make).toBe('HONDA');
  });
});
