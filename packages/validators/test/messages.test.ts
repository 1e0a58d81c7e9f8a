import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addLineInput,
  controlCharacterProblem,
  customerCreateInput,
  quantity,
  settingsInput,
  signInInput,
  vehicleCreateInput,
  workOrderUpdateInput,
} from '../src/index';

/** Each field's messages for `input`, as the API's error formatter flattens them. */
function problems(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

const line = { workOrderId: 1, kind: 'fee', description: 'Fee', unitPriceCents: 100 };

describe('messages describe what was sent', () => {
  it('says a missing value is required and a wrong type is the wrong type', () => {
    expect(problems(customerCreateInput, {})).toEqual({ name: ['is required'] });
    expect(problems(customerCreateInput, { name: 42 })).toEqual({ name: ['must be text'] });
    expect(problems(customerCreateInput, { name: null })).toEqual({ name: ['is required'] });
    expect(problems(addLineInput, { ...line, quantity: '1', unitPriceCents: '12.50' })).toEqual({
      unitPriceCents: ['must be a number'],
    });
    expect(problems(addLineInput, { ...line, quantity: '1', kind: 7 })).toEqual({
      kind: ['must be labor, part or fee'],
    });
  });

  it('flags every missing field of an empty vehicle at once', () => {
    expect(problems(vehicleCreateInput, {})).toEqual({
      ownerId: ['is required'],
      vin: ['is required'],
      plate: ['is required'],
      make: ['is required'],
      model: ['is required'],
      year: ['is required'],
      mileage: ['is required'],
    });
  });

  it('checks the VIN beside the other problems, not after them', () => {
    expect(
      problems(vehicleCreateInput, {
        ownerId: 1,
        vin: '1HGCM82643A004352',
        plate: 'AB 1',
        make: 'Honda',
        model: 'Accord',
        year: 2003,
      }),
    ).toEqual({ vin: ['check digit (9th character) should be 3'], mileage: ['is required'] });
  });

  it('names the instants no shop would mean', () => {
    expect(
      problems(workOrderUpdateInput, {
        id: 1,
        version: 1,
        promisedAt: new Date(Date.UTC(20_000, 0, 1)),
      }),
    ).toEqual({ promisedAt: ['must be in the years 2000 to 2099'] });
    expect(
      problems(workOrderUpdateInput, { id: 1, version: 1, promisedAt: new Date(Number.NaN) }),
    ).toEqual({
      promisedAt: ['must be a date and time'],
    });
    expect(problems(workOrderUpdateInput, { id: 1, version: 1, promisedAt: '2026-01-01' })).toEqual(
      {
        promisedAt: ['must be a date and time'],
      },
    );
  });

  it('reads the shop locale, canonically, among those offered', () => {
    expect(settingsInput.parse({ locale: 'de-de' })).toMatchObject({ locale: 'de-DE' });
    expect(problems(settingsInput, { locale: 'ar-EG' })).toEqual({
      locale: ['is not one of the locales offered (en-US, en-CA, en-GB, …)'],
    });
    expect(problems(settingsInput, { locale: 5 })).toEqual({ locale: ['must be text'] });
  });

  it('says a sign-in without email or password is missing both', () => {
    expect(problems(signInInput, { email: '', password: '' })).toEqual({
      email: ['is required'],
      password: ['is required'],
    });
  });
});

describe('quantity', () => {
  const read = (value: unknown) => quantity.safeParse(value);

  it('takes decimal text, or a JSON number as the decimal it stands for', () => {
    expect(read('1.5').data).toBe('1.5');
    expect(read(' 01.50 ').data).toBe('1.50');
    expect(read('.25').data).toBe('0.25');
    expect(read(1.5).data).toBe('1.5');
    expect(read(4).data).toBe('4');
  });

  it('says what is wrong with what was sent', () => {
    const message = (value: unknown) => read(value).error?.issues[0]?.message;
    expect(message('-2')).toBe('must be more than 0');
    expect(message(-2)).toBe('must be more than 0');
    expect(message('0.00')).toBe('must be more than 0');
    expect(message('1.555')).toBe('must have at most two decimal places');
    expect(message(0.1 + 0.2)).toBe('must have at most two decimal places');
    expect(message(1e-7)).toBe('must have at most two decimal places');
    expect(message('100000000')).toBe('must be less than 100,000,000');
    expect(message(1e21)).toBe('must be less than 100,000,000');
    expect(message('abc')).toBe('must be a number (e.g. 1.5)');
    expect(message('1e3')).toBe('must be a number (e.g. 1.5)');
    expect(message('')).toBe('must be a number (e.g. 1.5)');
    expect(message(true)).toBe('must be a number (e.g. 1.5)');
    expect(message(undefined)).toBe('is required');
  });
});

describe('control characters', () => {
  it('are refused in one-line text, naming the character', () => {
    expect(controlCharacterProblem('a\u0000b')).toBe(
      'must not contain control characters (U+0000)',
    );
    expect(controlCharacterProblem('a\u001bb')).toBe(
      'must not contain control characters (U+001B)',
    );
    expect(controlCharacterProblem('a\u007fb')).toBe(
      'must not contain control characters (U+007F)',
    );
    expect(controlCharacterProblem('a\tb')).toBe('must not contain control characters (U+0009)');
    expect(controlCharacterProblem('a\nb')).toBe('must be one line');
    expect(controlCharacterProblem('café ☕')).toBeNull();
  });

  it('allow tabs and line breaks in multi-line text, and nothing else', () => {
    expect(controlCharacterProblem('a\r\n\tb', { multiline: true })).toBeNull();
    expect(controlCharacterProblem('a\u0000', { multiline: true })).toBe(
      'must not contain control characters (U+0000)',
    );
  });

  it('are refused by every text field', () => {
    expect(problems(customerCreateInput, { name: 'A', notes: 'x\u0000' })).toEqual({
      notes: ['must not contain control characters (U+0000)'],
    });
    expect(problems(customerCreateInput, { name: 'A', email: 'a\u0000@b.c' })).toHaveProperty(
      'email',
    );
    expect(problems(signInInput, { email: 'a\u0000', password: 'x' })).toEqual({
      email: ['must not contain control characters (U+0000)'],
    });
    expect(problems(settingsInput, { address: '1 Main St\n\u0000' })).toEqual({
      address: ['must not contain control characters (U+0000)'],
    });
  });
});
