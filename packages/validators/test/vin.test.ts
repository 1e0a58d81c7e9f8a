import { describe, expect, it } from 'vitest';
import { normalizeVin, vinCheckDigit, vinProblem } from '../src/vin';

describe('VIN validation', () => {
  it('accepts real VINs with a correct check digit', () => {
    // Published examples: a 1990s Honda and the classic textbook VIN.
    expect(vinProblem('1HGCM82633A004352')).toBeNull();
    expect(vinProblem('11111111111111111')).toBeNull();
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it('names what is wrong', () => {
    expect(vinProblem('1HGCM82633A00435')).toBe('must be 17 characters (got 16)');
    expect(vinProblem('1HGCM82633A0O4352')).toBe('must not contain the letters I, O or Q');
    expect(vinProblem('1HGCM82633a004352')).toBe('may only contain digits and capital letters');
    expect(vinProblem('1HGCM82643A004352')).toBe('check digit (9th character) should be 3');
  });

  it('lets a non-North-American VIN skip the check digit, nothing else', () => {
    expect(vinProblem('WVWZZZ1JZXW000001', { checkDigit: false })).toBeNull();
    expect(vinProblem('WVWZZZ1JZXW000001')).toMatch(/check digit/);
    expect(vinProblem('WVWZZZ1JZXW00000I', { checkDigit: false })).toMatch(/I, O or Q/);
  });

  it('normalizes what people type', () => {
    expect(normalizeVin(' 1hgcm-82633 a004352 ')).toBe('1HGCM82633A004352');
  });
});
