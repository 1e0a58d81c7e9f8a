import { customerCreateInput, invoiceInput } from '@garage/validators';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkInput } from '~/lib/form-check';

describe('checkInput', () => {
  it("gives the schema's output when everything is right", () => {
    expect(
      checkInput(customerCreateInput, { name: ' Ann ', email: 'ANN@X.TEST', phone: '' }),
    ).toEqual({ input: { name: 'Ann', email: 'ann@x.test', phone: null } });
  });

  it('gives every field its first problem, in the words the API would use', () => {
    expect(
      checkInput(customerCreateInput, {
        name: '',
        email: 'nope',
        phone: 'call me',
        notes: '\u0000',
      }),
    ).toEqual({
      problems: {
        name: 'is required',
        email: 'is not a valid email',
        phone: 'may contain digits, spaces, + ( ) . / - (6 to 32 characters)',
        notes: 'must not contain control characters (U+0000)',
      },
    });
  });

  it("lets the form's own reading stand over the schema's word for the gap it left", () => {
    expect(
      checkInput(customerCreateInput, { name: 'Ann' }, { email: 'must be an address' }),
    ).toEqual({ problems: { email: 'must be an address' } });
  });

  it('keys nested fields by their path', () => {
    expect(
      checkInput(invoiceInput, {
        id: 1,
        nextService: { mileage: -1, date: '2200-01-01' },
      }),
    ).toEqual({
      problems: {
        'nextService.mileage': 'cannot be negative',
        'nextService.date': 'must be in the years 2000 to 2099',
      },
    });
  });

  it('reports a problem of the input as a whole apart', () => {
    const pair = z
      .strictObject({ from: z.number(), to: z.number() })
      .refine((value) => value.from <= value.to, 'from must not be after to');
    expect(checkInput(pair, { from: 2, to: 1 })).toEqual({
      problems: {},
      formProblem: 'from must not be after to',
    });
  });
});
