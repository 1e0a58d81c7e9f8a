import type { ConsoleMessage } from '@playwright/test';
import { customerNames, storageStateOf } from '../support/accounts';
import { expect, test } from '../support/fixtures';
import { openCustomer } from '../support/ui';

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

test.describe('[SECURITY][HEADERS] pages', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('send a nonce-based CSP that forbids framing, plus nosniff, a Referrer-Policy and XFO', async ({
    request,
  }) => {
    const first = await request.get('/sign-in');
    const headers = first.headers();
    const policy = directives(headers['content-security-policy'] ?? '');
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    const scriptSrc = policy.get('script-src') ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toBeTruthy();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');

    // Every script Next.js put in the page carries this response's nonce.
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await request.get('/sign-in');
    expect(second.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
  });

  test('API responses through the proxy are nosniff too', async ({ request }) => {
    const response = await request.get('/api/trpc/auth.me');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });
});

test.describe('[SECURITY][CSP] the app under its policy', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('signed-in pages render, hydrate and navigate with no CSP violation in the console', async ({
    page,
  }) => {
    const violations: string[] = [];
    const watch = (message: ConsoleMessage) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    };
    page.on('console', watch);
    page.on('pageerror', (error) => violations.push(error.message));

    await openCustomer(page, customerNames.alice);
    await page.getByRole('link', { name: 'Vehicles', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vehicles' })).toBeVisible();
    await page.getByRole('link', { name: 'Cache', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cache' })).toBeVisible();
    await expect(page.getByText('Redis connected')).toBeVisible();
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    expect(violations).toEqual([]);
  });
});
