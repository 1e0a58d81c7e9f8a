import { describe, expect, it } from 'vitest';
import { shouldRetry } from '~/lib/retry';

describe('shouldRetry', () => {
  it('retries a server error or a network failure once', () => {
    expect(shouldRetry(0, { data: { httpStatus: 503 } })).toBe(true);
    expect(shouldRetry(0, new TypeError('fetch failed'))).toBe(true);
    expect(shouldRetry(1, { data: { httpStatus: 503 } })).toBe(false);
  });

  it('never retries what the API refused', () => {
    for (const httpStatus of [400, 401, 403, 404, 409]) {
      expect(shouldRetry(0, { data: { httpStatus } })).toBe(false);
    }
  });
});
