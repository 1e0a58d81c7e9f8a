import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';

describe('fieldErrorsFrom', () => {
  it('reads the first message of each field of a flattened zod error', () => {
    const error = {
      message: 'bad',
      data: {
        zodError: {
          fieldErrors: { vin: ['VIN check digit is wrong', 'x'], email: ['Invalid email'] },
        },
      },
    };
    expect(fieldErrorsFrom(error)).toEqual({
      vin: 'VIN check digit is wrong',
      email: 'Invalid email',
    });
  });

  it('reads a fieldErrors map and a single named field', () => {
    expect(
      fieldErrorsFrom({ data: { fieldErrors: { plate: 'Plate already registered' } } }),
    ).toEqual({ plate: 'Plate already registered' });
    expect(fieldErrorsFrom({ message: 'Email already used', data: { field: 'email' } })).toEqual({
      email: 'Email already used',
    });
  });

  it('returns nothing for errors without field information', () => {
    expect(fieldErrorsFrom(null)).toEqual({});
    expect(fieldErrorsFrom({ message: 'boom', data: { code: 'INTERNAL_SERVER_ERROR' } })).toEqual(
      {},
    );
  });
});

describe('formErrorFrom', () => {
  it('points at the fields when some carry errors, else shows the server message', () => {
    expect(formErrorFrom({ message: 'x' }, { vin: 'bad' })).toBe(
      'Please fix the highlighted fields.',
    );
    expect(formErrorFrom({ message: 'Customer still owns 2 vehicles' }, {})).toBe(
      'Customer still owns 2 vehicles',
    );
    expect(formErrorFrom(null, {})).toBeUndefined();
  });
});
