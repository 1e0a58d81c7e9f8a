import { request } from '@playwright/test';
import { accounts, demoPassword } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test('[AUTH][CSRF] a form posted to auth.logout from another site does not sign the user out', async ({
  baseURL,
}) => {
  const browser = await request.newContext({ baseURL });
  try {
    const signIn = await browser.post('/api/trpc/auth.login', {
      headers: { origin: baseURL ?? '', 'sec-fetch-site': 'same-origin' },
      data: { json: { email: accounts.staff, password: demoPassword } },
    });
    expect(signIn.ok()).toBe(true);

    // What a hidden <form method=post enctype=multipart/form-data> on evil.example sends.
    const forged = await browser.post('/api/trpc/auth.logout', {
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      multipart: { submit: '1' },
    });
    expect(forged.status()).toBe(403);

    const me = await browser.get('/api/trpc/auth.me');
    const body: { result: { data: { json: { email: string } | null } } } = await me.json();
    expect(body.result.data.json?.email).toBe(accounts.staff);
  } finally {
    await browser.dispose();
  }
});
