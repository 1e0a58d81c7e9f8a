import { describe, expect, it } from 'vitest';
import { doneSaying } from '~/lib/work-order-words';

describe('doneSaying', () => {
  it('says what was done, and nothing more when the work order stayed where it was', () => {
    expect(doneSaying('Payment recorded', null)).toBe('Payment recorded.');
    expect(doneSaying('Recorded', undefined)).toBe('Recorded.');
  });

  it('says where the work order moved to, or that it went back', () => {
    expect(doneSaying('Payment recorded', { to: 'paid' })).toBe(
      'Payment recorded. The work order is now paid.',
    );
    expect(doneSaying('Refund recorded', { to: 'invoiced' }, true)).toBe(
      'Refund recorded. The work order is invoiced again.',
    );
  });
});
