import { defineConfig, devices } from '@playwright/test';
import type { Account } from './support/accounts';
import { chromiumPath } from './support/chromium';

/** The option each set-up project passes to auth.setup.ts: whom it signs in. */
export interface AccountOption {
  account: Account;
}

const roles: Account[] = ['admin', 'staff', 'alice', 'bob'];

/**
 * The global set-up starts throwaway PostgreSQL + Redis and the BUILT API and web app on free
 * ports, and hands their URLs to the workers through the environment.
 */
export default defineConfig<AccountOption>({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // One app, one database: flows change shared state (owners, cache, Redis), so they run in order.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: './test-results/artifacts',
  reporter: [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  use: {
    baseURL: process.env.E2E_WEB_URL,
    trace: 'retain-on-failure',
    // Every flow saves its end state itself (saveEndState); failures get one more.
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [
    // One set-up project per role: signs in through the form, saves .auth/<account>.json.
    ...roles.map((account) => ({
      name: `setup:${account}`,
      testMatch: /auth\.setup\.ts/,
      use: { account },
    })),
    {
      name: 'flows',
      testMatch: /.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'] },
      dependencies: roles.map((account) => `setup:${account}`),
    },
  ],
});
