import { describe, expect, it } from 'vitest';
import {
  customerUpdateInput,
  updateLineInput,
  vehicleUpdateInput,
  versionedIdInput,
  workOrderUpdateInput,
} from '../src/index';

/** The messages of a refused input, by field. */
const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );

describe('the version an edit is based on', () => {
  it.each([
    ['customer.update', customerUpdateInput],
    ['vehicle.update', vehicleUpdateInput],
    ['workOrder.update', workOrderUpdateInput],
    ['workOrder.updateLine', updateLineInput],
    ['a removal', versionedIdInput],
  ] as const)('%s needs one, a whole number from 1', (_name, schema) => {
    expect(problems(schema.safeParse({ id: 1 }))).toEqual({
      version: 'is required: the version of the record the change was based on',
    });
    expect(problems(schema.safeParse({ id: 1, version: 0 }))).toEqual({
      version: 'must be at least 1',
    });
    expect(problems(schema.safeParse({ id: 1, version: 1.5 }))).toEqual({
      version: 'must be a whole number',
    });
    expect(problems(schema.safeParse({ id: 1, version: '2' }))).toEqual({
      version: 'must be a number',
    });
    expect(schema.safeParse({ id: 1, version: 3 }).success).toBe(true);
  });
});
