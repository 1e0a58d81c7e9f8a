import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, fieldMessage, formErrorFrom } from '~/lib/field-errors';

describe('fieldErrorsFrom', () => {
  it('reads the first message of each field of data.fieldErrors', () => {
    const error = {
      message: 'bad',
      data: {
        code: 'BAD_REQUEST',
        fieldErrors: { vin: ['has a wrong check digit', 'x'], email: ['is not a valid email'] },
      },
    };
    expect(fieldErrorsFrom(error)).toEqual({
      vin: 'has a wrong check digit',
      email: 'is not a valid email',
    });
  });

  it('reads a duplicate VIN and a mileage correction the service refused', () => {
    expect(fieldErrorsFrom({ data: { fieldErrors: { vin: ['is already registered'] } } })).toEqual({
      vin: 'is already registered',
    });
    expect(
      fieldErrorsFrom({
        data: { fieldErrors: { mileage: ['is lower than the recorded 52,000; confirm'] } },
      }),
    ).toEqual({ mileage: 'is lower than the recorded 52,000; confirm' });
  });

  it('returns nothing for errors without field information', () => {
    expect(fieldErrorsFrom(null)).toEqual({});
    expect(fieldErrorsFrom({ message: 'boom', data: { fieldErrors: null } })).toEqual({});
    expect(fieldErrorsFrom({ message: 'x', data: { fieldErrors: { vin: [] } } })).toEqual({});
    expect(fieldErrorsFrom({ message: 'boom', data: { code: 'INTERNAL_SERVER_ERROR' } })).toEqual(
      {},
    );
  });

  it('ignores the old zodError shape', () => {
    expect(fieldErrorsFrom({ data: { zodError: { fieldErrors: { vin: ['bad'] } } } })).toEqual({});
  });
});

describe('formErrorFrom', () => {
  it('points at the fields when some carry errors, else shows the server message', () => {
    expect(formErrorFrom({ message: 'x' }, { vin: 'bad' })).toBe(
      'Please fix the highlighted fields.',
    );
    expect(formErrorFrom({ message: 'customer still owns 2 vehicles' }, {})).toBe(
      'Customer still owns 2 vehicles',
    );
    expect(formErrorFrom({ message: '' }, {})).toBe('Something went wrong. Please try again.');
    expect(formErrorFrom(null, {})).toBeUndefined();
  });

  it('spells out errors on fields the form has no input for', () => {
    const fields = { 'decisions.0.lineId': 'is not a line of this work order', channel: 'bad' };
    expect(formErrorFrom({ message: 'x' }, fields, ['channel'])).toBe(
      'Not saved: decisions.0.lineId is not a line of this work order.',
    );
    expect(formErrorFrom({ message: 'x' }, { channel: 'bad' }, ['channel'])).toBe(
      'Please fix the highlighted fields.',
    );
  });
});

describe('fieldMessage', () => {
  it('puts the label before a predicate and leaves sentences alone', () => {
    expect(fieldMessage('VIN', 'is already registered')).toBe('VIN is already registered');
    expect(fieldMessage('Owner', 'Choose an owner first.')).toBe('Choose an owner first.');
    expect(fieldMessage('Plate', undefined)).toBeUndefined();
  });
});
