import { describe, expect, it } from 'vitest';
import { sameOriginPath } from '~/lib/requested-path';
import { landingFor } from '~/lib/roles';

// Each of these must never leave the app: browsers strip tabs and newlines from URLs, read `\`
// as `/`, and take `//host` as another site.
const foreign = [
  '//evil.example',
  '///evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  '/\\evil.example',
  '\\/evil.example',
  '/\\/evil.example',
  '/\u0000/evil.example',
  '/\u001f/evil.example',
  '/\u007f/evil.example',
  'https://evil.example',
  'https:evil.example',
  'http:/evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  ' //evil.example',
  'evil.example',
  'staff/customers',
  '',
];

describe('landingFor refuses every path that could leave the app', () => {
  it.each(foreign)('%j goes to the role’s start page', (next) => {
    expect(landingFor('staff', next)).toBe('/staff/customers');
    expect(landingFor('customer', next)).toBe('/portal');
  });
});

describe('landingFor keeps same-origin paths, normalised', () => {
  it.each([
    ['/staff/vehicles?search=ab', '/staff/vehicles?search=ab'],
    ['/staff/vehicles/3#history', '/staff/vehicles/3#history'],
    ['/staff/%2F%2Fevil.example', '/staff/%2F%2Fevil.example'],
    ['/staff/./vehicles', '/staff/vehicles'],
  ])('%j -> %j', (next, expected) => {
    expect(landingFor('staff', next)).toBe(expected);
  });

  it('checks the role against the normalised path, not the raw one', () => {
    expect(landingFor('customer', '/portal/../staff/customers')).toBe('/portal');
    expect(landingFor('staff', '/staff/../admin/cache')).toBe('/staff/customers');
    expect(landingFor('admin', '/staff/../admin/cache')).toBe('/admin/cache');
  });
});

describe('sameOriginPath', () => {
  it('gives undefined for anything that is not a path on this app', () => {
    for (const next of [...foreign, undefined]) expect(sameOriginPath(next)).toBeUndefined();
  });

  it('keeps query and fragment of a path', () => {
    expect(sameOriginPath('/portal?tab=history#top')).toBe('/portal?tab=history#top');
  });
});
