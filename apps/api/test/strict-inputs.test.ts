import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appRouter } from '../src/root';
import { seededDatabaseUrl, startApi, type TestApi } from './support/harness';
import { callRaw } from './support/raw';

// Inputs are strict: a key a procedure does not know is BAD_REQUEST naming it, for every
// procedure of the router (a new one is checked the day it is added), so junk keys can
// neither be ignored silently nor mint cache entries.

/** `query`, `mutation` or `subscription`, read from a procedure's definition. */
function typeOf(procedure: unknown): string {
  const def = typeof procedure === 'function' && '_def' in procedure ? procedure._def : undefined;
  return typeof def === 'object' && def !== null && 'type' in def ? String(def.type) : 'unknown';
}

const procedures = Object.entries(appRouter._def.procedures as Record<string, unknown>)
  .map(([path, procedure]) => ({ path, type: typeOf(procedure) }))
  // Subscriptions are not batched: live.events' strict input is checked over SSE (live-limits).
  .filter(({ type }) => type !== 'subscription')
  // Signing out ends the session the others use: last.
  .sort((a, b) => Number(a.path === 'auth.logout') - Number(b.path === 'auth.logout'));

type Answer = { codes: string[]; fieldErrors: Record<string, string[]> };

describe('strict inputs', () => {
  let api: TestApi;
  const cookies: string[] = [];

  beforeAll(async () => {
    api = await startApi({ databaseUrl: await seededDatabaseUrl(), redisUrl: inject('redisUrl') });
    for (const email of ['admin@garage.test', 'alice@garage.test']) {
      const login = await callRaw(api.base, ['auth.login'], {
        method: 'POST',
        inputs: [{ email, password: 'garage-demo' }],
      });
      cookies.push((login.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    }
    // Anonymous last: public procedures.
    cookies.push('');
  });
  afterAll(() => api.stop());

  /** Calls `path` as the first of admin, a customer, anonymous that its role check lets in. */
  async function callAsSomeoneAllowed(path: string, type: string, input: unknown): Promise<Answer> {
    let answer: Answer = { codes: [], fieldErrors: {} };
    for (const cookie of cookies) {
      const raw = await callRaw(api.base, [path], {
        method: type === 'mutation' ? 'POST' : 'GET',
        inputs: [input],
        headers: cookie ? { cookie } : {},
      });
      const data = (raw.body as { error?: { json?: { data?: { fieldErrors?: unknown } } } }).error
        ?.json?.data;
      answer = {
        codes: raw.codes,
        fieldErrors: (data?.fieldErrors ?? {}) as Record<string, string[]>,
      };
      if (!['FORBIDDEN', 'UNAUTHORIZED'].includes(raw.codes[0] ?? '')) return answer;
    }
    return answer;
  }

  it('covers procedures of every kind', () => {
    expect(procedures.filter((p) => p.type === 'query').length).toBeGreaterThan(5);
    expect(procedures.filter((p) => p.type === 'mutation').length).toBeGreaterThan(5);
  });

  it.each(procedures)('$path refuses an unknown key, naming it', async ({ path, type }) => {
    const answer = await callAsSomeoneAllowed(path, type, { zzUnknownKey: 1 });
    expect(answer.codes).toEqual(['BAD_REQUEST']);
    expect(answer.fieldErrors.zzUnknownKey).toEqual(['is not a known field']);
  });

  it.each([
    ['customer.list', { limit: 10, cursor: null }],
    ['vehicle.list', { limit: 10, cursor: null }],
    ['cache.entries', { limit: 10, cursor: null }],
  ])('%s takes the keys tRPC infinite queries add (cursor, direction)', async (path, input) => {
    for (const direction of ['forward', 'backward']) {
      const answer = await callAsSomeoneAllowed(path, 'query', { ...input, direction });
      expect(answer.codes).toEqual(['OK']);
    }
  });

  it('reads that differ only in a junk key mint no cache entries', async () => {
    const before = await api.app.cache.countEntries({ route: 'vehicle.byId' });
    for (let index = 0; index < 6; index++) {
      const answer = await callAsSomeoneAllowed('vehicle.byId', 'query', {
        id: 1,
        [`junk${index}`]: index,
      });
      expect(answer.codes).toEqual(['BAD_REQUEST']);
      expect(Object.keys(answer.fieldErrors)).toEqual([`junk${index}`]);
    }
    expect(await api.app.cache.countEntries({ route: 'vehicle.byId' })).toBe(before);
  });
});
