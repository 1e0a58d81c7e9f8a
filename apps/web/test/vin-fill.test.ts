import { describe, expect, it } from 'vitest';
import { blankVehicle } from '~/components/vehicles/vehicle-draft';
import { applyDecodedVin, vinLookup } from '~/components/vehicles/vin-fill';

const accord = { make: 'HONDA', model: 'Accord', year: '2003' };
const civic = { make: 'HONDA', model: 'Civic', year: '2010' };
const jetta = { make: 'Volkswagen', model: 'Jetta', year: '2017' };

describe('vinLookup', () => {
  it('normalizes a typed VIN as the API does', () => {
    expect(vinLookup(' 1hgcm8263-3a004352 ', { checkDigit: true })).toEqual({
      kind: 'decode',
      vin: '1HGCM82633A004352',
    });
  });

  it('has nothing to look up until 17 valid characters are typed', () => {
    for (const typed of ['1HGCM82633A00435', '1HGCM82633A0043521', '1HGCM82633A00435O', '']) {
      expect(vinLookup(typed, { checkDigit: true })).toEqual({ kind: 'incomplete' });
    }
  });

  it('refuses a VIN whose check digit fails, naming the right one, unless it is foreign', () => {
    // The Accord's VIN with its 9th character changed from 3 to 4.
    expect(vinLookup('1HGCM82643A004352', { checkDigit: true })).toEqual({
      kind: 'refused',
      problem: 'check digit (9th character) should be 3',
    });
    expect(vinLookup('1HGCM82643A004352', { checkDigit: false })).toEqual({
      kind: 'decode',
      vin: '1HGCM82643A004352',
    });
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

  it('replaces a Honda with a Volkswagen when the VIN is replaced', () => {
    const honda = applyDecodedVin(blankVehicle, null, accord);
    expect(applyDecodedVin(honda, accord, jetta)).toMatchObject(jetta);
  });

  it('takes back what the last VIN said when the new one says nothing, keeping what was typed', () => {
    const honda = { ...applyDecodedVin(blankVehicle, null, accord), model: 'Accord EX' };
    expect(applyDecodedVin(honda, accord, null)).toMatchObject({
      make: '',
      model: 'Accord EX',
      year: '',
    });
  });

  it("counts stored fields that hold what the stored VIN says as the VIN's", () => {
    const stored = { ...blankVehicle, make: 'HONDA', model: 'Accord', year: '2004' };
    expect(applyDecodedVin(stored, accord, jetta)).toMatchObject({
      make: 'Volkswagen',
      model: 'Jetta',
      year: '2004',
    });
  });

  it('counts a field of blanks as empty', () => {
    expect(applyDecodedVin({ ...blankVehicle, make: '  ' }, null, accord).make).toBe('HONDA');
  });
});
