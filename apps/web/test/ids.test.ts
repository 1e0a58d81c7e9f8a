import { describe, expect, it } from 'vitest';
import { parseId } from '~/lib/ids';

describe('parseId', () => {
  it('accepts positive whole numbers that fit the database id', () => {
    expect(parseId('42')).toBe(42);
    expect(parseId('2147483647')).toBe(2_147_483_647);
  });

  it('refuses anything else', () => {
    for (const segment of ['0', '-1', '1.5', 'abc', '', '007', '2147483648', '1e3', undefined]) {
      expect(parseId(segment)).toBeNull();
    }
  });
});
