import { vehicleCreateInput } from '@garage/validators';
import { describe, expect, it } from 'vitest';
import {
  blankVehicle,
  draftOf,
  readVehicleDraft,
  vinChanged,
} from '~/components/vehicles/vehicle-draft';
import { checkInput } from '~/lib/form-check';

const filled = {
  ...blankVehicle,
  vin: '1HGCM82633A004352',
  plate: 'AB-123',
  make: 'Honda',
  model: 'Accord',
  year: '2003',
  mileage: '52,300',
};

/** What the create form would send for `draft`, or every problem it shows. */
function submitted(draft: typeof blankVehicle, ownerId: number | null, locale = 'en-US') {
  const { fields, unread } = readVehicleDraft(draft, ownerId, locale);
  return checkInput(vehicleCreateInput, { ...fields, vin: draft.vin }, unread);
}

describe('a vehicle form submitted', () => {
  it('sends the typed numbers, read in the locale', () => {
    expect(submitted(filled, 7)).toEqual({
      input: {
        ownerId: 7,
        vin: '1HGCM82633A004352',
        plate: 'AB-123',
        make: 'Honda',
        model: 'Accord',
        year: 2003,
        mileage: 52_300,
        colour: null,
        notes: null,
      },
    });
    expect(submitted({ ...filled, mileage: '52.300' }, 7, 'de-DE')).toMatchObject({
      input: { mileage: 52_300 },
    });
  });

  it('flags every missing field of an empty form at once', () => {
    expect(submitted(blankVehicle, null)).toEqual({
      problems: {
        ownerId: 'Choose an owner: search for a customer, then pick one.',
        vin: 'is required',
        plate: 'is required',
        make: 'is required',
        model: 'is required',
        year: 'is required',
        mileage: 'is required',
      },
    });
  });

  it('says what is wrong with what was typed', () => {
    expect(
      submitted({ ...filled, year: 'abc', mileage: '-5', vin: '1HGCM82643A004352' }, 7),
    ).toEqual({
      problems: {
        year: 'must be a number (e.g. 52,300)',
        mileage: 'cannot be negative',
        vin: 'check digit (9th character) should be 3',
      },
    });
  });
});

describe('vehicle draft', () => {
  it('fills a draft from a stored vehicle, empty text for none', () => {
    const draft = draftOf({
      vin: 'V',
      plate: 'P',
      make: 'M',
      model: 'X',
      year: 2020,
      mileage: 10,
      colour: null,
      notes: 'n',
    });
    expect(draft).toEqual({
      vin: 'V',
      plate: 'P',
      make: 'M',
      model: 'X',
      year: '2020',
      mileage: '10',
      colour: '',
      notes: 'n',
    });
  });

  it('sees a VIN as unchanged whatever its case, spaces and dashes', () => {
    expect(vinChanged(' 1hgcm-82633a004352', '1HGCM82633A004352')).toBe(false);
    expect(vinChanged('1HGCM82633A004353', '1HGCM82633A004352')).toBe(true);
  });
});
