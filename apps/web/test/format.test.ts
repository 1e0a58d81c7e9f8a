import { describe, expect, it } from 'vitest';
import { formatBytes, formatTtl } from '~/lib/format';

describe('panel formatting', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(undefined)).toBe('–');
  });

  it('formats remaining TTL', () => {
    expect(formatTtl(42_000)).toBe('42 s');
    expect(formatTtl(600_000)).toBe('10 min');
    expect(formatTtl(-1)).toBe('no TTL');
  });
});
