import { describe, expect, it } from 'vitest';
import { concernFromQuery, newWorkOrderPath } from '~/lib/new-work-order';

describe('the new-work-order link', () => {
  it('names the vehicle, and the concern when there is one', () => {
    expect(newWorkOrderPath(7)).toBe('/staff/work-orders/new?vehicleId=7');
    expect(newWorkOrderPath(7, 'Oil & filter change')).toBe(
      '/staff/work-orders/new?vehicleId=7&concern=Oil+%26+filter+change',
    );
  });

  it('reads back one trimmed concern, and nothing from a repeated or missing one', () => {
    const query = new URL(`http://x${newWorkOrderPath(7, 'Oil & filter change')}`).searchParams;
    expect(concernFromQuery(query.get('concern') ?? undefined)).toBe('Oil & filter change');
    expect(concernFromQuery('  Brakes  ')).toBe('Brakes');
    expect(concernFromQuery(['a', 'b'])).toBe('');
    expect(concernFromQuery(undefined)).toBe('');
    expect(concernFromQuery('x'.repeat(3_000))).toHaveLength(2_000);
  });
});
