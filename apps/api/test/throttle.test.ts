import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { throttleLimits } from '../src/auth/throttle';
import { outcome, seededDatabaseUrl, startApi, type TestApi } from './support/harness';

describe.each([
  { store: 'Redis', redis: () => inject('redisUrl') },
  { store: 'memory', redis: () => undefined },
])('login throttling ($store)', ({ redis }) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: redis() });
  });
  afterAll(() => api.stop());

  it('refuses an email after repeated failures, even with the right password, and leaves others alone', async () => {
    const client = api.anonymous();
    for (let attempt = 0; attempt < throttleLimits.perEmail; attempt++) {
      expect(
        await outcome(client.auth.login.mutate({ email: 'bob@garage.test', password: 'wrong' })),
      ).toBe('UNAUTHORIZED');
    }
    expect(
      await outcome(
        client.auth.login.mutate({ email: 'bob@garage.test', password: 'garage-demo' }),
      ),
    ).toBe('TOO_MANY_REQUESTS');
    expect(
      await outcome(
        client.auth.login.mutate({ email: 'alice@garage.test', password: 'garage-demo' }),
      ),
    ).toBe('OK');
  });
});
