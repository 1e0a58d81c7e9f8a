import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { parseMeResponse } from '~/lib/session-user';

describe('parseMeResponse', () => {
  it('reads a superjson-wrapped user', () => {
    const data = superjson.serialize({
      id: 3,
      email: 'alice@garage.test',
      name: 'Alice',
      role: 'customer',
    });
    expect(parseMeResponse({ result: { data } })).toEqual({
      id: 3,
      email: 'alice@garage.test',
      name: 'Alice',
      role: 'customer',
    });
  });

  it('returns null when signed out, on errors and on unknown roles', () => {
    expect(parseMeResponse({ result: { data: superjson.serialize(null) } })).toBeNull();
    expect(parseMeResponse({ error: { json: { message: 'UNAUTHORIZED' } } })).toBeNull();
    expect(
      parseMeResponse({ result: { data: { json: { id: 1, email: 'x', role: 'root' } } } }),
    ).toBeNull();
    expect(parseMeResponse(null)).toBeNull();
  });
});
