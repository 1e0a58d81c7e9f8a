import { describe, expect, it } from 'vitest';
import {
  blankVehicle,
  draftOf,
  parseVehicleDraft,
  parseWhole,
  vinChanged,
} from '~/components/vehicles/vehicle-draft';

const filled = {
  ...blankVehicle,
  vin: '1HGCM82633A004352',
  plate: 'AB-123',
  make: 'Honda',
  model: 'Accord',
  year: '2003',
  mileage: '52,300',
};

describe('vehicle draft', () => {
  it('parses whole numbers as typed, with separators', () => {
    expect(parseWhole(' 52,300 ')).toBe(52_300);
    expect(parseWhole('')).toBe('is required');
    expect(parseWhole('12.5')).toBe('must be a whole number');
    expect(parseWhole('abc')).toBe('must be a whole number');
  });

  it('turns a filled draft into API fields', () => {
    expect(parseVehicleDraft(filled, 7)).toEqual({
      fields: {
        ownerId: 7,
        plate: 'AB-123',
        make: 'Honda',
        model: 'Accord',
        year: 2003,
        mileage: 52_300,
        colour: '',
        notes: '',
      },
    });
  });

  it('names what is missing before asking the server', () => {
    expect(parseVehicleDraft({ ...filled, year: '', mileage: 'x' }, null)).toEqual({
      problems: {
        ownerId: 'Choose an owner: search for a customer, then pick one.',
        year: 'is required',
        mileage: 'must be a whole number',
      },
    });
  });

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
