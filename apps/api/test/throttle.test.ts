import { freePort } from '@garage/test-services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { throttleLimits } from '../src/auth/throttle';
import { outcome, seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { callRaw, tally } from './support/raw';

// A password is checked only for an attempt the throttle counted first, so a burst (one batch,
// or many requests at once, on one instance or several) gets no more checks than a sequence.
// A checked wrong password answers UNAUTHORIZED; an attempt refused unchecked answers
// TOO_MANY_REQUESTS: counting the codes counts the password checks.

const guesses = 12;
let sequence = 0;
/** A client address of its own for each test, so the per-address limit stays out of the way. */
const freshAddress = () => `198.51.100.${++sequence}`;

// The counters live in PostgreSQL: whether Redis is there, gone or never configured must
// make no difference.
describe.each([
  { redisState: 'Redis up', redis: async () => inject('redisUrl') },
  { redisState: 'Redis down', redis: async () => `redis://127.0.0.1:${await freePort()}` },
  { redisState: 'no Redis', redis: async () => undefined },
])('sign-in throttle ($redisState)', ({ redis }) => {
  let first: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    const databaseUrl = await seededDatabaseUrl();
    const redisUrl = await redis();
    // Two instances of one deployment: one database, one Redis namespace.
    const namespace = `throttle-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const options = { databaseUrl, redisUrl, namespace, trustProxy: ['loopback'] };
    [first, second] = await Promise.all([startApi(options), startApi(options)]);
  });
  afterAll(() => Promise.all([first.stop(), second.stop()]));

  const guess = (email: string) => ({ email, password: 'not-the-password' });

  it('refuses an email after repeated failures, even with the right password, and leaves others alone', async () => {
    const client = first.anonymous();
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

  it(`${guesses} guesses in one batched request get ${throttleLimits.perEmail} password checks`, async () => {
    const answer = await callRaw(first.base, Array(guesses).fill('auth.login'), {
      method: 'POST',
      inputs: Array(guesses).fill(guess('batched@garage.test')),
      headers: { 'x-forwarded-for': freshAddress() },
    });
    expect(tally(answer.codes)).toEqual({
      UNAUTHORIZED: throttleLimits.perEmail,
      TOO_MANY_REQUESTS: guesses - throttleLimits.perEmail,
    });
  });

  it(`${guesses} parallel sign-ins get ${throttleLimits.perEmail} password checks`, async () => {
    const address = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: guesses }, () =>
        callRaw(first.base, ['auth.login'], {
          method: 'POST',
          inputs: [guess('parallel@garage.test')],
          headers: { 'x-forwarded-for': address },
        }),
      ),
    );
    expect(tally(answers.flatMap((answer) => answer.codes))).toEqual({
      UNAUTHORIZED: throttleLimits.perEmail,
      TOO_MANY_REQUESTS: guesses - throttleLimits.perEmail,
    });
  });

  it(`${guesses} parallel sign-ins spread over two instances get ${throttleLimits.perEmail} password checks`, async () => {
    const answers = await Promise.all(
      Array.from({ length: guesses }, (_, index) =>
        callRaw((index % 2 ? first : second).base, ['auth.login'], {
          method: 'POST',
          inputs: [guess('spread@garage.test')],
          headers: { 'x-forwarded-for': freshAddress() },
        }),
      ),
    );
    expect(tally(answers.flatMap((answer) => answer.codes))).toEqual({
      UNAUTHORIZED: throttleLimits.perEmail,
      TOO_MANY_REQUESTS: guesses - throttleLimits.perEmail,
    });
  });

  it('an address is refused past its limit on every instance, and successful sign-ins do not use it up', async () => {
    const address = freshAddress();
    const signIn = (api: TestApi, email: string, password: string) =>
      callRaw(api.base, ['auth.login'], {
        method: 'POST',
        inputs: [{ email, password }],
        headers: { 'x-forwarded-for': address },
      });
    for (let index = 0; index < throttleLimits.perIp + 2; index++) {
      expect((await signIn(first, 'staff@garage.test', 'garage-demo')).codes).toEqual(['OK']);
    }
    const failures = await Promise.all(
      Array.from({ length: throttleLimits.perIp }, (_, index) =>
        signIn(index % 2 ? first : second, `nobody-${index}@garage.test`, 'wrong'),
      ),
    );
    expect(tally(failures.flatMap((answer) => answer.codes))).toEqual({
      UNAUTHORIZED: throttleLimits.perIp,
    });
    expect((await signIn(second, 'staff@garage.test', 'garage-demo')).codes).toEqual([
      'TOO_MANY_REQUESTS',
    ]);
  });
});
