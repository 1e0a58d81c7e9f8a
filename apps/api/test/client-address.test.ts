import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { throttleLimits } from '../src/auth/throttle';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { callRaw, tally } from './support/raw';

// The per-address sign-in limit shows which address the API took for the client: the socket's
// peer, unless that peer is a trusted proxy (TRUST_PROXY); then the right-most entry of
// X-Forwarded-For that is not itself a trusted proxy.

let sequence = 0;

/** One failed sign-in (a fresh unknown email, so only the address limit can refuse it). */
async function failedSignIn(api: TestApi, forwardedFor?: string): Promise<string> {
  const answer = await callRaw(api.base, ['auth.login'], {
    method: 'POST',
    inputs: [{ email: `probe-${++sequence}@garage.test`, password: 'wrong' }],
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
  return answer.codes[0] ?? '';
}

/** Uses up an address's allowance: `perIp` failures at once. */
async function exhaust(api: TestApi, forwardedFor: (index: number) => string | undefined) {
  const codes = await Promise.all(
    Array.from({ length: throttleLimits.perIp }, (_, index) =>
      failedSignIn(api, forwardedFor(index)),
    ),
  );
  expect(tally(codes)).toEqual({ UNAUTHORIZED: throttleLimits.perIp });
}

describe('client address', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await seededDatabaseUrl();
  });

  describe('without TRUST_PROXY', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({ databaseUrl, redisUrl: inject('redisUrl') });
    });
    afterAll(() => api.stop());

    it('ignores X-Forwarded-For, so rotating it does not escape the per-address limit', async () => {
      await exhaust(api, (index) => `203.0.113.${index + 1}`);
      expect(await failedSignIn(api, '203.0.113.250')).toBe('TOO_MANY_REQUESTS');
      expect(await failedSignIn(api)).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('behind trusted proxies (TRUST_PROXY=loopback,10.0.0.0/8)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({
        databaseUrl,
        redisUrl: inject('redisUrl'),
        trustProxy: ['loopback', '10.0.0.0/8'],
      });
    });
    afterAll(() => api.stop());

    it('takes the right-most untrusted entry: what a client wrote to the left does not count', async () => {
      // The client wrote a different address each time; our proxy appended the one it saw.
      await exhaust(api, (index) => `192.0.2.${index + 1}, 203.0.113.7`);
      expect(await failedSignIn(api, '192.0.2.200, 203.0.113.7')).toBe('TOO_MANY_REQUESTS');
      expect(await failedSignIn(api, '203.0.113.8')).toBe('UNAUTHORIZED');
    });

    it('a client cannot lock out a victim by writing the victim’s address', async () => {
      await exhaust(api, () => '198.51.100.77, 203.0.113.9');
      expect(await failedSignIn(api, '198.51.100.77')).toBe('UNAUTHORIZED');
    });

    it('skips trusted proxies in the chain', async () => {
      await exhaust(api, () => '203.0.113.10, 10.1.2.3');
      expect(await failedSignIn(api, '203.0.113.10, 10.9.9.9')).toBe('TOO_MANY_REQUESTS');
      expect(await failedSignIn(api, '203.0.113.11, 10.1.2.3')).toBe('UNAUTHORIZED');
    });
  });
});
